/**
 * Every way out of the process goes through here, so that what a running check created is
 * removed first: Ctrl-C (SIGINT), SIGTERM, SIGHUP (the terminal went away), a closed pipe on
 * stdout or stderr (EPIPE: `shipshape check X 2>&1 | head`), and an error nothing caught. Each
 * ends with a non-zero code once cleanup is done (or has run out of time); a second signal
 * exits at once, and the session's reaper (runtime/reaper.ts) removes what is left.
 *
 * The TUI takes Ctrl-C as a key in raw mode, so no SIGINT arrives: it calls `requestShutdown`.
 */
import { pendingExitCleanups, runExitCleanups } from '../shared/exitCleanups.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, EPIPE: 141, uncaught: 70 } as const;
export type ShutdownCause = keyof typeof EXIT_CODES;

/** How long cleanup may take before the process ends anyway. */
const CLEANUP_BUDGET_MS = 30_000;

let shutdown: Promise<void> | undefined;
const closedStreams = new Set<NodeJS.WriteStream>();

/** Whether a shutdown has begun: the exit code is then the shutdown's, not the command's. */
export function shutdownRequested(): boolean {
  return shutdown !== undefined;
}

/**
 * Cleans up every live runtime session, then exits with the cause's code. Safe to call more than
 * once: the first call decides the code; a second signal exits at once, further errors wait.
 */
export function requestShutdown(cause: ShutdownCause, detail?: string): Promise<void> {
  const code = EXIT_CODES[cause];
  if (shutdown) {
    // A second signal is someone insisting: leave now. A further error (often a consequence of
    // the first) or closed pipe must not cut the cleanup short.
    if (cause !== 'EPIPE' && cause !== 'uncaught') process.exit(process.exitCode ?? code);
    return shutdown;
  }
  process.exitCode = code;
  const why = cause === 'EPIPE' ? 'the output was closed' : cause === 'uncaught' ? `internal error: ${detail ?? 'unknown'}` : `interrupted by ${cause}`;
  shutdown = (async () => {
    const budget = new Promise((resolve) => setTimeout(resolve, CLEANUP_BUDGET_MS).unref());
    try {
      if (pendingExitCleanups() > 0) say(`shipshape: ${why}; removing the containers and images this run created...`);
      else if (cause === 'uncaught') say(`shipshape: ${why}`);
      await Promise.race([runExitCleanups(why), budget]);
    } catch {
      // Nothing more we can do here; the reaper and the next start's sweep remain.
    }
    process.exit(code);
  })();
  return shutdown;
}

/** The name the TUI reads best: clean up and leave, as Ctrl-C does on the command line. */
export function cleanupAndExit(cause: ShutdownCause = 'SIGINT'): Promise<void> {
  return requestShutdown(cause);
}

/** Installs the handlers for every way out. Called once by the bin before the command runs. */
export function installShutdownHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void requestShutdown(signal));
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') {
        closedStreams.add(stream);
        void requestShutdown('EPIPE');
        return;
      }
      void requestShutdown('uncaught', error.message);
    });
  }
  process.on('uncaughtException', (error) => void requestShutdown('uncaught', error.message));
  process.on('unhandledRejection', (reason) => void requestShutdown('uncaught', reason instanceof Error ? reason.message : String(reason)));
}

/** Whether a stream's reader has gone away; writers skip it instead of failing again. */
export function streamClosed(stream: NodeJS.WriteStream): boolean {
  return closedStreams.has(stream) || stream.destroyed;
}

function say(text: string): void {
  if (streamClosed(process.stderr)) return;
  try {
    process.stderr.write(`\n${text}\n`);
  } catch {
    // stderr went away between the check and the write.
  }
}
