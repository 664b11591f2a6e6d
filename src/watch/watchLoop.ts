/**
 * Watch mode's schedule: on every save the static checks run at once (they take milliseconds);
 * the runtime checks follow after a short quiet spell, and only for files that pass the static
 * rules (a build per keystroke-save would only queue containers). A new save cancels whatever
 * check is still running, and the result of a cancelled check is never shown as current.
 * No I/O of its own: the check runner and the clock's timers are the edges.
 */
import type { CheckEvent } from '../checks/events.js';
import type { Challenge } from '../content/schema.js';
import type { CheckRunner, RunnerVerdict } from './checkRunner.js';

export type WatchEvent =
  | { type: 'check-started'; run: number; staticOnly: boolean }
  | { type: 'check-event'; run: number; event: CheckEvent }
  /** `final`: no runtime half follows for this save, so this is the verdict to record. */
  | { type: 'check-finished'; run: number; staticOnly: boolean; verdict: RunnerVerdict; final: boolean }
  | { type: 'check-failed'; run: number; message: string }
  | { type: 'runtime-scheduled'; inMs: number };

export interface WatchLoopOptions {
  challenge: Challenge;
  dir: string;
  /** Never run the runtime half (no engine needed). */
  staticOnly: boolean;
  runCheck: CheckRunner;
  runtimeDelayMs?: number;
  onEvent: (event: WatchEvent) => void;
}

export interface WatchLoop {
  /** The files changed (or the loop starts): check again. */
  changed(): void;
  /** The learner asked for the whole check now: static and runtime in one run. */
  checkNow(): void;
  /** Cancels any running check and waits until it has let go (its containers removed). */
  stop(): Promise<void>;
}

export function createWatchLoop(options: WatchLoopOptions): WatchLoop {
  const hasRuntime = options.challenge.checks.runtime !== undefined && !options.staticOnly;
  const delay = options.runtimeDelayMs ?? 700;
  let run = 0;
  let controller: AbortController | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const start = (staticOnly: boolean) => {
    controller?.abort();
    const mine = ++run;
    const abort = new AbortController();
    controller = abort;
    options.onEvent({ type: 'check-started', run: mine, staticOnly });
    const current = options
      .runCheck(options.challenge, {
        dir: options.dir,
        staticOnly,
        signal: abort.signal,
        onEvent: (event) => {
          if (mine === run && !stopped) options.onEvent({ type: 'check-event', run: mine, event });
        },
      })
      .then(
        (verdict) => {
          if (mine !== run || stopped || abort.signal.aborted) return;
          const runtimeFollows = staticOnly && hasRuntime && verdict.passed && !verdict.parseError;
          options.onEvent({ type: 'check-finished', run: mine, staticOnly, verdict, final: !runtimeFollows });
          if (runtimeFollows) {
            options.onEvent({ type: 'runtime-scheduled', inMs: delay });
            timer = setTimeout(() => start(false), delay);
          }
        },
        (error: unknown) => {
          if (mine === run && !stopped && !abort.signal.aborted) options.onEvent({ type: 'check-failed', run: mine, message: error instanceof Error ? error.message : String(error) });
        },
      );
    running = Promise.all([running, current]);
  };

  return {
    changed() {
      if (stopped) return;
      clearTimeout(timer);
      start(true);
    },
    checkNow() {
      if (stopped) return;
      clearTimeout(timer);
      start(!hasRuntime);
    },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      controller?.abort();
      await running;
    },
  };
}
