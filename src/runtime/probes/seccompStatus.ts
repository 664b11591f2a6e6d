/**
 * What /proc/self/status and a blocked syscall say about seccomp. Pure: the probe runs the two
 * commands inside the container and asks this module for the verdict.
 *
 * `Seccomp: 2` means a filter is installed (0: none, 1: strict mode). A filter could still allow
 * everything, so the verdict also needs a call Docker's default profile refuses: creating a user
 * namespace (`unshare -U`), which the profile blocks for anyone without CAP_SYS_ADMIN. Without
 * the filter, root in the container can do it and so start on a kernel exploit's first steps.
 */
import { statusField } from './procStatus.js';

export interface SeccompObservation {
  /** The text of /proc/self/status, or undefined when it could not be read. */
  statusText: string | undefined;
  /** The blocked call's exit code and output. */
  blockedCall: { exitCode: number; output: string };
}

export interface SeccompVerdict {
  passed: boolean;
  evidence: string;
}

/**
 * @example seccompVerdict({ statusText: 'Seccomp:\t2\n', blockedCall: { exitCode: 1, output: 'unshare: unshare(0x10000000): Operation not permitted' } }).passed // true
 */
export function seccompVerdict({ statusText, blockedCall }: SeccompObservation): SeccompVerdict {
  if (statusText === undefined) return { passed: false, evidence: 'could not read /proc/self/status inside the container' };
  const mode = statusField(statusText, 'Seccomp');
  if (mode === undefined) return { passed: false, evidence: '/proc/self/status has no Seccomp line: this kernel does not report seccomp' };
  const refused = blockedCall.exitCode !== 0 && /not permitted|EPERM/i.test(blockedCall.output);
  const call = '`unshare -U true` (a new user namespace, which the default profile blocks)';
  if (mode !== '2') return { passed: false, evidence: `/proc/self/status shows \`Seccomp: ${mode}\`: no seccomp filter is in force${refused ? '' : `, and ${call} succeeded`}` };
  if (!refused) {
    const outcome = blockedCall.exitCode === 0 ? 'succeeded' : `failed for another reason (exit ${blockedCall.exitCode}: ${blockedCall.output.trim() || 'no output'})`;
    return { passed: false, evidence: `/proc/self/status shows \`Seccomp: 2\`, but ${call} ${outcome}: the filter in force is not the default profile` };
  }
  return { passed: true, evidence: `/proc/self/status shows \`Seccomp: 2\` and ${call} was refused: "${blockedCall.output.trim().split('\n')[0]}"` };
}
