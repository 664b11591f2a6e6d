/**
 * The check as the TUI and the watch loop call it: injected, so component tests drive the
 * screens with a fake, and the CLI passes the real one. The contract is the check engine's:
 * typed events while it runs, an AbortSignal to stop it, and a file that does not parse comes
 * back as a verdict with its position rather than as an exception (half-typed files are normal
 * in watch mode).
 */
import type { CheckEvent, CheckEventListener } from '../checks/events.js';
import type { ChallengeVerdict } from '../checks/types.js';
import type { Challenge } from '../content/schema.js';

export interface RunnerOptions {
  dir: string;
  staticOnly: boolean;
  onEvent?: CheckEventListener;
  signal?: AbortSignal;
}

/** Where a learner's file stopped parsing (the engine's ChallengeVerdict.parseError). */
export interface ParsePosition {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type RunnerVerdict = ChallengeVerdict & { parseError?: ParsePosition; cancelled?: boolean };

export type CheckRunner = (challenge: Challenge, options: RunnerOptions) => Promise<RunnerVerdict>;

/** The real check engine, loaded on first use (it pulls in the rules, and Docker for runtime checks). */
export const engineCheckRunner: CheckRunner = async (challenge, options) => {
  const [{ checkChallenge }, { InputError }] = await Promise.all([import('../checks/checkChallenge.js'), import('../parse/position.js')]);
  let heard = false;
  const onEvent = (event: CheckEvent) => {
    heard = true;
    options.onEvent?.(event);
  };
  // Engines before typed events reported free-form lines; pass them on as notes.
  const engineOptions = { dir: options.dir, staticOnly: options.staticOnly, onEvent, signal: options.signal, onProgress: (message: string) => onEvent({ type: 'note', message: message.trim() }) };
  let verdict: RunnerVerdict;
  try {
    verdict = await checkChallenge(challenge, engineOptions);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const relative = error.file.startsWith(options.dir) ? error.file.slice(options.dir.length).replace(/^[\\/]/, '') : error.file;
    verdict = { challenge: challenge.id, passed: false, checks: [], parseError: { file: relative, line: error.position.line, column: error.position.column, message: error.message } };
  }
  // An engine that emits no events still gets its results on screen, in the documented order.
  if (!heard || !verdict.checks.length) replayVerdict(verdict, options.onEvent);
  return verdict;
};

/** The events a verdict stands for: every result, then the verdict. */
export function replayVerdict(verdict: RunnerVerdict, listener: CheckEventListener | undefined): void {
  if (!listener) return;
  const runtime = verdict.checks.filter((check) => check.kind === 'runtime');
  for (const result of verdict.checks) {
    if (result.kind === 'static') listener({ type: 'static-result', result });
    else listener({ type: 'probe-result', result, index: runtime.indexOf(result), total: runtime.length });
  }
  listener({ type: 'verdict', verdict });
}

/** How many checks passed, and whether this verdict proves the whole challenge. */
export function verdictSummary(challenge: Pick<Challenge, 'checks'>, verdict: RunnerVerdict, staticOnly: boolean) {
  const passing = verdict.checks.filter((check) => check.passed).length;
  const complete = !verdict.cancelled && (!staticOnly || challenge.checks.runtime === undefined);
  return { passed: verdict.passed && verdict.parseError === undefined, passing, total: verdict.checks.length, staticOnly, complete };
}
