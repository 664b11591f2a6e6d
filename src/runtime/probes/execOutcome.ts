/**
 * What an exec attempt says about the program it tried to start. When the binary is absent the
 * engine itself refuses (exit 126 or 127, `executable file not found`), which is different from
 * the program running and failing. Probes that look for shells and package managers need that
 * difference, and probes that try a write need it to avoid mistaking "no `touch`" for "read-only".
 */
import type { ExecResult } from '../container.js';

export type ExecOutcome = 'ran' | 'missing' | 'not-executable';

/**
 * @example execOutcome({ exitCode: 126, stdout: 'OCI runtime exec failed: ... executable file not found in $PATH', stderr: '' }) // 'missing'
 */
export function execOutcome(result: ExecResult): ExecOutcome {
  if (result.exitCode !== 126 && result.exitCode !== 127) return 'ran';
  const output = `${result.stdout}\n${result.stderr}`;
  // The runtime's own message (runc, crun): the program never started.
  if (/exec failed|unable to start container process|OCI runtime/i.test(output)) {
    return /permission denied/i.test(output) ? 'not-executable' : 'missing';
  }
  return 'ran';
}

/** The first line of what a command printed, for evidence. */
export function firstOutputLine(result: ExecResult): string {
  const line = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim()).find((l) => l !== '');
  return line ?? 'no output';
}
