/**
 * What must be undone before the process exits, registered by the module that creates it (the
 * runtime sessions register theirs when runtime/session.ts loads). The CLI's shutdown runs them
 * without knowing who they are, so a command that never loads the runtime (`lint`) neither
 * bundles nor loads Docker code to learn that there is nothing to clean. No I/O of its own.
 */
export interface ExitCleanup {
  /** How many things are still to be removed; a message is shown when any are. */
  pending(): number;
  run(reason: string): Promise<void>;
}

const cleanups = new Set<ExitCleanup>();

export function registerExitCleanup(cleanup: ExitCleanup): void {
  cleanups.add(cleanup);
}

export function pendingExitCleanups(): number {
  let pending = 0;
  for (const cleanup of cleanups) pending += cleanup.pending();
  return pending;
}

/** Runs every cleanup at once; one that fails does not keep the others from finishing. */
export async function runExitCleanups(reason: string): Promise<void> {
  await Promise.allSettled([...cleanups].map((cleanup) => cleanup.run(reason)));
}
