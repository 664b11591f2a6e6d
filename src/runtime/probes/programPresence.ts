/**
 * Which of a list of programs can be started in the container. Each is exec'd directly by the
 * engine, never through a shell, because the images these probes like best have no shell.
 */
import { execOutcome, firstOutputLine } from './execOutcome.js';
import type { ProbeContext } from './types.js';

export interface ProgramAttempt {
  /** How it was called, e.g. `sh -c true`. */
  command: string;
  /** What it printed or why the engine could not start it. */
  detail: string;
}

/** The commands that started; those the engine reports missing or not executable are left out. */
export async function runnablePrograms(context: ProbeContext, commands: string[][]): Promise<ProgramAttempt[]> {
  const found: ProgramAttempt[] = [];
  for (const cmd of commands) {
    const result = await context.exec(cmd);
    if (execOutcome(result) === 'ran') found.push({ command: cmd.join(' '), detail: `exit ${result.exitCode}${result.exitCode === 0 ? '' : `: ${firstOutputLine(result)}`}` });
  }
  return found;
}
