/**
 * Running a command inside the probed container as a chosen user. Probes normally ask as the
 * container's own user (`ProbeContext.exec`); two kinds need another one: inventories (SUID
 * files, leftover files) look as root so unreadable folders hide nothing, and the SUID attack
 * plays an unprivileged attacker even when the app itself runs as root.
 */
import { runExec, type ExecResult } from '../container.js';
import { timeouts } from '../limits.js';
import type { ProbeContext } from './types.js';

export function execAs(context: ProbeContext, user: string, cmd: string[], timeoutMs: number = timeouts.execMs): Promise<ExecResult> {
  return runExec(context.docker, context.container, cmd, { user, timeoutMs });
}
