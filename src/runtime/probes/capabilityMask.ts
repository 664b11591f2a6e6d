/**
 * Turning the capability masks of /proc/<pid>/status (`CapEff: 00000000a80425fb`) into the
 * names a learner knows from `--cap-add` and `cap_drop`. Pure, so it is tested without Docker.
 */

/** Linux capability numbers, in kernel order (include/uapi/linux/capability.h). */
const CAPABILITY_NAMES = [
  'CHOWN',
  'DAC_OVERRIDE',
  'DAC_READ_SEARCH',
  'FOWNER',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'SETPCAP',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'NET_ADMIN',
  'NET_RAW',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_BOOT',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'LEASE',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'SETFCAP',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'SYSLOG',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
  'AUDIT_READ',
  'PERFMON',
  'BPF',
  'CHECKPOINT_RESTORE',
] as const;

/**
 * The capability names set in a hex mask, without the `CAP_` prefix, lowest bit first. Bits a
 * newer kernel knows and this table does not come out as `CAP_<number>` rather than vanishing.
 *
 * @example capabilityNamesOf('0000000000003000') // ['NET_ADMIN', 'NET_RAW']
 */
export function capabilityNamesOf(hexMask: string): string[] {
  const cleaned = hexMask.trim();
  if (!/^[0-9a-fA-F]+$/.test(cleaned)) throw new Error(`not a capability mask: ${JSON.stringify(hexMask)}`);
  const mask = BigInt(`0x${cleaned}`);
  const names: string[] = [];
  for (let bit = 0; bit < 64; bit++) {
    if ((mask >> BigInt(bit)) & 1n) names.push(CAPABILITY_NAMES[bit] ?? `CAP_${bit}`);
  }
  return names;
}

/** `cap_net_raw`, `CAP_NET_RAW` and `NET_RAW` all name the same capability. */
export function normalizeCapabilityName(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}
