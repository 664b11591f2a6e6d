/**
 * Checks a learner's folder against a challenge: static checks (pure), then, unless asked not
 * to, the runtime checks against a real engine. The one place both halves meet.
 */
import path from 'node:path';
import type { Challenge } from '../content/schema.js';
import { InputError } from '../parse/position.js';
import { readLearnerFiles } from '../workspace/workspace.js';
import { fileKindByName } from './fileKinds.js';
import { runStaticChecks } from './staticChecks.js';
import type { CheckResult, ChallengeVerdict } from './types.js';

export interface CheckOptions {
  dir: string;
  staticOnly: boolean;
  onProgress?: (line: string) => void;
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
    const docker = await connectEngine();
    await sweepLeftovers(docker);
    checks.push(...(await runRuntimeChecks(challenge, { docker, dir: options.dir, onProgress: options.onProgress })));
  }
  return { challenge: challenge.id, passed: checks.every((check) => check.passed), checks: withRequirements(challenge, checks) };
}

/** Each check carries the task's requirement it proves, as challenge.yaml names it (same order as the specs). */
function withRequirements(challenge: Challenge, checks: CheckResult[]): CheckResult[] {
  const statics = challenge.checks.static.map((spec) => spec.requirement);
  const probes = challenge.checks.runtime?.probes.map((spec) => spec.requirement) ?? [];
  let s = 0;
  let r = 0;
  return checks.map((check) => {
    const requirement = check.kind === 'static' ? statics[s++] : probes[r++];
    return requirement ? { ...check, requirement } : check;
  });
}
