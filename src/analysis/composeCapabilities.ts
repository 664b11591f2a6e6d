/**
 * Linux capability names as compose writes them (`SYS_ADMIN`, `cap_sys_admin`, `ALL`), and the
 * ones that hand a container power over the host. Docker upper-cases names and adds `CAP_`
 * itself, so rules compare the bare upper-case name.
 */

/**
 * @example capabilityName('cap_net_admin') // 'NET_ADMIN'
 * @example capabilityName('all') // 'ALL'
 */
export function capabilityName(written: string): string {
  const upper = written.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice('CAP_'.length) : upper;
}

/** The one capability the course lets back in: binding ports below 1024. */
export const HARMLESS_CAPABILITY = 'NET_BIND_SERVICE';

/** Capabilities that give a container a way onto the host, with what each hands an attacker. */
export const DANGEROUS_CAPABILITIES: ReadonlyMap<string, string> = new Map([
  ['ALL', 'every capability the kernel has: privileged mode in all but name'],
  ['SYS_ADMIN', "most of root's power (mount, namespaces, BPF, and the classic escapes)"],
  ['NET_ADMIN', 'control of the network stack: firewall rules, routes, interfaces, sniffing'],
  ['SYS_PTRACE', 'the right to read and rewrite the memory of other processes'],
  ['SYS_MODULE', 'the right to load kernel modules, which is code running in the host kernel'],
  ['DAC_READ_SEARCH', 'reading any file, and open_by_handle_at, which the "Shocker" escape used to read host files'],
  ['SYS_RAWIO', 'raw access to I/O ports and device memory'],
  ['SYS_BOOT', 'the right to reboot the host or load a new kernel'],
  ['SYS_TIME', "the right to change the host's clock"],
  ['MAC_ADMIN', 'the right to change AppArmor or SELinux policy'],
  ['MAC_OVERRIDE', 'a way around AppArmor or SELinux policy'],
  ['BPF', 'the right to load eBPF programs into the kernel'],
  ['PERFMON', 'kernel tracing and performance monitoring across the host'],
  ['SYSLOG', 'the kernel log, including kernel addresses that help an exploit'],
]);

/**
 * Only the bare word `ALL` (any case) means every capability; Docker rejects `CAP_ALL` as an
 * unknown capability, so it must not pass as a fix.
 */
export function isAllCapabilities(written: string): boolean {
  return written.trim().toUpperCase() === 'ALL';
}
