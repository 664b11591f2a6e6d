/**
 * Checks a learner's folder against a challenge: static checks (pure), then, unless asked not
 * to, the runtime checks against a real engine. The one place both halves meet, over one model
 * of the learner's files: each file is read once and parsed once.
 *
 * What happens is told as typed events (events.ts) ending with the verdict; a file that does not
 * parse is a verdict with its position (`parseError`), not an exception, because watch mode
 * sees half-typed files all the time; the caller's AbortSignal stops a running build or probe.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import type { Challenge } from '../content/schema.js';
import { readLearnerModel } from '../workspace/learnerFiles.js';
import type { CheckEventListener } from './events.js';
import { fileKindByName } from './fileKinds.js';
import { runtimeFiles } from './runtimeChecks.js';
import { runStaticChecks } from './staticChecks.js';
import type { ChallengeVerdict, CheckResult } from './types.js';

export interface CheckOptions {
  dir: string;
  staticOnly: boolean;
  /** Every step as it happens: static results, notes, build steps, probes, and the verdict last. */
  onEvent?: CheckEventListener;
  /** Aborting stops the build or probe in flight, removes what it created, and marks the verdict cancelled. */
  signal?: AbortSignal;
  /** An engine already connected (grading spreads over several); connected by the runtime otherwise. */
  docker?: Docker;
}

/**
 * @example
 *   const verdict = await checkChallenge(challenge, { dir, staticOnly: true, onEvent: (e) => console.log(e.type) });
 *   verdict.parseError?.line; // set when a file does not parse
 */
export async function checkChallenge(challenge: Challenge, options: CheckOptions): Promise<ChallengeVerdict> {
  const runtime = challenge.checks.runtime;
  // A Dockerfile's .dockerignore is read too: rules about what enters the image need it.
  const dockerignores = challenge.files
    .filter((file) => fileKindByName(file) === 'dockerfile')
    .map((file) => path.posix.join(path.posix.dirname(file), '.dockerignore'));
  const learner = readLearnerModel(options.dir, [...challenge.files, ...dockerignores, ...runtimeFiles(runtime)]);
  const checks: CheckResult[] = runStaticChecks(challenge, learner);
  for (const result of checks) options.onEvent?.({ type: 'static-result', result });
  let cancelled = options.signal?.aborted === true;
  if (runtime && !options.staticOnly) {
    // Docker code loads only here, so static-only checks stay fast.
    const { runRuntimeHalf } = await import('./runtimeChecks.js');
    const outcome = await runRuntimeHalf(challenge, { dir: options.dir, learner, onEvent: options.onEvent, signal: options.signal, docker: options.docker });
    checks.push(...outcome.results);
    cancelled ||= outcome.cancelled;
  }
  const error = learner.firstParseError();
  const verdict: ChallengeVerdict = {
    challenge: challenge.id,
    passed: !cancelled && checks.every((check) => check.passed),
    checks,
    ...(error ? { parseError: { file: error.file, line: error.position.line, column: error.position.column, message: error.message } } : {}),
    ...(cancelled ? { cancelled: true } : {}),
  };
  options.onEvent?.({ type: 'verdict', verdict });
  return verdict;
}
