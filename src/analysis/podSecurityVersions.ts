/**
 * Versions of the Pod Security Standards, as Pod Security admission evaluates them. A namespace
 * may pin `pod-security.kubernetes.io/enforce-version: v1.30`; admission then applies each
 * control as it stood in that Kubernetes minor (a control that did not exist yet is skipped,
 * lists such as the safe sysctls are those of that release), and clamps any version newer than
 * the newest it knows to that newest one. `latest` is the newest. The table below records when
 * each behaviour the rules depend on changed; the rules ask `atLeast(version, 1, 34)`.
 */

export interface PodSecurityVersion {
  major: 1;
  minor: number;
}

/** The newest policy version shipshape knows: the safe-sysctl list last changed here. */
export const LATEST_POD_SECURITY_VERSION: PodSecurityVersion = { major: 1, minor: 37 };

/** `v1.30` (the form admission's labels use). */
export function formatPodSecurityVersion(version: PodSecurityVersion): string {
  return `v${version.major}.${version.minor}`;
}

/**
 * Reads `latest`, `v1.30` or `1.30`; undefined for anything else (`v1.30.2`, `v2.0`, `1.x`).
 * Versions newer than the newest known clamp to it, as admission does.
 *
 * @example parsePodSecurityVersion('v1.30') // { major: 1, minor: 30 }
 * @example parsePodSecurityVersion('latest') // LATEST_POD_SECURITY_VERSION
 */
export function parsePodSecurityVersion(text: string): PodSecurityVersion | undefined {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === 'latest') return LATEST_POD_SECURITY_VERSION;
  const match = /^v?1\.(0|[1-9]\d{0,2})$/.exec(trimmed);
  if (!match) return undefined;
  const minor = Number(match[1]);
  return minor > LATEST_POD_SECURITY_VERSION.minor ? LATEST_POD_SECURITY_VERSION : { major: 1, minor };
}

/** True when `version` is 1.`minor` or newer. */
export function atLeast(version: PodSecurityVersion | undefined, minor: number): boolean {
  return (version ?? LATEST_POD_SECURITY_VERSION).minor >= minor;
}

/** The sysctls baseline allows, by the version that made them safe. */
const SAFE_SYSCTLS_SINCE: readonly (readonly [number, readonly string[]])[] = [
  [0, ['kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.ip_unprivileged_port_start', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range']],
  [27, ['net.ipv4.ip_local_reserved_ports']],
  [29, ['net.ipv4.tcp_keepalive_time', 'net.ipv4.tcp_fin_timeout', 'net.ipv4.tcp_keepalive_intvl', 'net.ipv4.tcp_keepalive_probes']],
  [32, ['net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem']],
  [37, ['net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat']],
];

/** @example safeSysctls({ major: 1, minor: 28 }).has('net.ipv4.tcp_keepalive_time') // false */
export function safeSysctls(version: PodSecurityVersion | undefined): Set<string> {
  return new Set(SAFE_SYSCTLS_SINCE.filter(([since]) => atLeast(version, since)).flatMap(([, names]) => names));
}

/** SELinux types baseline allows; `container_engine_t` joined in 1.31. */
export function allowedSelinuxTypes(version: PodSecurityVersion | undefined): Set<string> {
  const types = ['container_t', 'container_init_t', 'container_kvm_t'];
  return new Set(atLeast(version, 31) ? [...types, 'container_engine_t'] : types);
}

/** What changed in the standard at each version, for telling a pinned namespace what it misses. */
const CHANGES: readonly (readonly [number, string])[] = [
  [22, 'restricted requires dropping ALL capabilities'],
  [23, 'restricted forbids runAsUser: 0'],
  [25, 'Windows pods exempt from Linux-only restricted controls'],
  [27, 'one more safe sysctl'],
  [29, 'four more safe sysctls'],
  [31, 'SELinux type container_engine_t allowed'],
  [32, 'tcp_rmem and tcp_wmem safe'],
  [34, 'baseline forbids a host in probes and lifecycle hooks'],
  [35, 'user-namespace pods (hostUsers: false) relaxed, restricted keeps procMount Default'],
  [37, 'two more safe sysctls'],
];

/** @example changesSince({ major: 1, minor: 33 }) // ['baseline forbids a host in probes ...', ...] */
export function changesSince(version: PodSecurityVersion): string[] {
  return CHANGES.filter(([at]) => at > version.minor).map(([, change]) => change);
}
