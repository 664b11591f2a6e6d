/**
 * Checks a learner's folder against a challenge: static checks (pure), then, unless asked not
 * to, the runtime checks against a real engine. The one place both halves meet.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import type { Challenge } from '../content/schema.js';
import { InputError } from '../parse/position.js';
import { readLearnerFiles } from '../workspace/workspace.js';
import { fileKindByName } from './fileKinds.js';
import { runStaticChecks } from './staticChecks.js';
import type { ChallengeVerdict } from './types.js';

export interface CheckOptions {
  dir: string;
  staticOnly: boolean;
  onProgress?: (line: string) => void;
  /** An engine already connected (grading spreads over several); its caller sweeps leftovers. */
  docker?: Docker;
}

export async function checkChallenge(challenge: Challenge, options: CheckOptions): Promise<ChallengeVerdict> {
  // A Dockerfile's .dockerignore is read too: rules about what enters the image need it.
  const dockerignores = challenge.files
    .filter((file) => fileKindByName(file) === 'dockerfile')
    .map((file) => path.posix.join(path.posix.dirname(file), '.dockerignore'));
  const files = readLearnerFiles(options.dir, [...new Set([...challenge.files, ...dockerignores])]);
  const checks = runStaticChecks(challenge, files);
  // A file that does not parse is an input error, not a failed check: say where, and stop.
  const parseError = checks.flatMap((check) => check.findings).find((finding) => finding.rule === 'parse-error');
  if (parseError) {
    throw new InputError(path.join(options.dir, parseError.file), { line: parseError.line, column: parseError.column }, parseError.message);
  }
  const runtime = challenge.checks.runtime;
  if (runtime && !options.staticOnly) {
    // Docker code loads only here, so static-only checks stay fast.
    const [{ connectEngine }, { runRuntimeChecks }, { sweepLeftovers }] = await Promise.all([
      import('../runtime/engine.js'),
      import('./runtimeChecks.js'),
      import('../runtime/session.js'),
    ]);
    const docker = options.docker ?? (await connectEngine());
    if (!options.docker) await sweepLeftovers(docker);
    checks.push(...(await runRuntimeChecks(challenge, { docker, dir: options.dir, onProgress: options.onProgress })));
  }
  return { challenge: challenge.id, passed: checks.every((check) => check.passed), checks };
}
