/**
 * Capability names as the engine wants them. Compose and Kubernetes accept `CAP_NET_RAW`,
 * `net_raw` and `NET_RAW` alike; writing them one way lets policy.ts and probes compare names.
 */

/**
 * @example capabilityName('cap_net_bind_service') // 'NET_BIND_SERVICE'
 * @example capabilityName('all') // 'ALL'
 */
export function capabilityName(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/** Capability names from a YAML value that should be a list of strings; other entries are dropped. */
export function capabilityList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((entry): entry is string => typeof entry === 'string' && entry.trim() !== '').map(capabilityName))];
}
