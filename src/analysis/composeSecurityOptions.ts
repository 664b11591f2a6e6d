/**
 * `security_opt` entries split into name and value. Docker accepts both separators and a bare
 * name: `no-new-privileges:true`, `no-new-privileges=true`, `no-new-privileges`,
 * `seccomp=unconfined`, `label:disable`, `label:type:svirt_apache_t` (only the first separator
 * splits).
 */

export interface SecurityOption {
  name: string;
  /** Undefined for a bare name such as `no-new-privileges`. */
  value: string | undefined;
}

/** @example securityOption('seccomp=unconfined') // { name: 'seccomp', value: 'unconfined' } */
export function securityOption(entry: string): SecurityOption {
  const trimmed = entry.trim();
  const separator = trimmed.search(/[:=]/);
  if (separator === -1) return { name: trimmed.toLowerCase(), value: undefined };
  return { name: trimmed.slice(0, separator).toLowerCase(), value: trimmed.slice(separator + 1).trim() };
}
