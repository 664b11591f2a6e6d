/**
 * The check as the TUI and the watch loop call it: injected, so component tests drive the
 * screens with a fake, and the CLI passes the real one. The contract is the check engine's:
 * typed events while it runs, an AbortSignal to stop it, and a file that does not parse comes
 * back as a verdict with its position rather than as an exception (half-typed files are normal
 * in watch mode).
 */
import type { CheckEventListener } from '../checks/events.js';
import type { ChallengeVerdict } from '../checks/types.js';
import type { Challenge } from '../content/schema.js';

export interface RunnerOptions {
  dir: string;
  staticOnly: boolean;
  onEvent?: CheckEventListener;
  signal?: AbortSignal;
}

/** The engine's verdict: `parseError` when a file does not parse, `cancelled` when the signal stopped it. */
export type RunnerVerdict = ChallengeVerdict;

export type CheckRunner = (challenge: Challenge, options: RunnerOptions) => Promise<RunnerVerdict>;

/** The real check engine, loaded on first use (it pulls in the rules, and Docker for runtime checks). */
export const engineCheckRunner: CheckRunner = async (challenge, options) => {
  const { checkChallenge } = await import('../checks/checkChallenge.js');
  return checkChallenge(challenge, { dir: options.dir, staticOnly: options.staticOnly, onEvent: options.onEvent, signal: options.signal });
};

/** How many checks passed, and whether this verdict proves the whole challenge. */
export function verdictSummary(challenge: Pick<Challenge, 'checks'>, verdict: RunnerVerdict, staticOnly: boolean) {
  const passing = verdict.checks.filter((check) => check.passed).length;
  const complete = !verdict.cancelled && (!staticOnly || challenge.checks.runtime === undefined);
  return { passed: verdict.passed && verdict.parseError === undefined, passing, total: verdict.checks.length, staticOnly, complete };
}
