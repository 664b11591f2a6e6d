/**
 * The author check (after rustlings' `dev check`): a challenge is only done when its broken
 * files fail every check, its solution passes every check, each negative fix (a plausible
 * wrong answer) still fails at least one (a runtime check, for those marked `runtime: true`),
 * and each alternative solution (another right answer) passes every check. Runs statically,
 * and at runtime unless asked not to.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkChallenge } from '../checks/checkChallenge.js';
import type { CheckResult, ChallengeVerdict } from '../checks/types.js';
import { findProbe } from '../runtime/probes/registry.js';
import type { Course } from '../content/loadCourse.js';
import type { Challenge } from '../content/schema.js';

export interface AuthorCase {
  challenge: string;
  /** `broken`, `solution`, `negative: <name>` or `alternative: <name>`. */
  name: string;
  ok: boolean;
  /** Why it is not ok, in one line per problem. */
  problems: string[];
  verdict: ChallengeVerdict;
}

export interface AuthorCheckOptions {
  staticOnly: boolean;
  onProgress?: (line: string) => void;
}

export async function authorCheckChallenge(course: Course, challenge: Challenge, options: AuthorCheckOptions): Promise<AuthorCase[]> {
  const folder = path.join(course.root, challenge.folder);
  const cases: AuthorCase[] = [];

  const broken = await checkChallenge(challenge, { dir: path.join(folder, 'broken'), staticOnly: options.staticOnly });
  // The broken app works (only insecurely), so checks that prove it still works may pass there.
  const mustFailOnBroken = (c: CheckResult) => !(c.kind === 'runtime' && findProbe(c.id)?.functional === true);
  cases.push(judge(challenge, 'broken', broken, (v) => v.checks.filter((c) => c.passed && mustFailOnBroken(c)).map((c) => `${c.id} passes on the broken files; it must fail`)));

  const solution = await checkChallenge(challenge, { dir: path.join(folder, 'solution'), staticOnly: options.staticOnly });
  cases.push(judge(challenge, 'solution', solution, (v) => v.checks.filter((c) => !c.passed).map((c) => `${c.id} fails on the solution: ${c.evidence}`)));

  for (const fix of challenge.negativeFixes) {
    const verdict = await checkVariant(course, challenge, fix.files, options.staticOnly || !fix.runtime);
    cases.push(judge(challenge, `negative: ${fix.name}`, verdict, (v) => negativeProblems(v, fix.runtime, options.staticOnly)));
  }

  for (const alternative of challenge.alternativeSolutions) {
    const verdict = await checkVariant(course, challenge, alternative.files, options.staticOnly);
    cases.push(judge(challenge, `alternative: ${alternative.name}`, verdict, (v) => v.checks.filter((c) => !c.passed).map((c) => `${c.id} fails on this right answer: ${c.evidence}`)));
  }
  return cases;
}

/**
 * What is wrong with a negative fix's verdict. A static one must fail a static check (that is
 * where the learner sees it first); one marked `runtime: true` must fail a runtime check, since
 * only a running container exposes it (a healthcheck on the wrong port, a server that no longer
 * serves). Without the runtime half such a fix cannot be judged, so it holds.
 */
export function negativeProblems(verdict: ChallengeVerdict, runtime: boolean, staticOnly: boolean): string[] {
  const failed = verdict.checks.filter((check) => !check.passed);
  if (runtime) {
    if (staticOnly) return [];
    return failed.some((check) => check.kind === 'runtime') ? [] : [failed.length === 0 ? 'this wrong answer passes every check; it must fail one' : 'this wrong answer fails only static checks; marked runtime: true, it must fail a runtime check too'];
  }
  return failed.some((check) => check.kind === 'static') ? [] : ['this wrong answer passes every static check; it must fail one'];
}

/** Checks a copy of the solution with some files replaced: a negative fix or an alternative solution. */
export function checkVariant(course: Course, challenge: Challenge, files: Record<string, string>, staticOnly: boolean): Promise<ChallengeVerdict> {
  return withFilesReplaced(path.join(course.root, challenge.folder), files, (dir) => checkChallenge(challenge, { dir, staticOnly }));
}

/** Runs `check` on a copy of the solution with some files replaced, and removes the copy after. */
async function withFilesReplaced<T>(folder: string, files: Record<string, string>, check: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-author-'));
  try {
    cpSync(path.join(folder, 'solution'), dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    return await check(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function judge(challenge: Challenge, name: string, verdict: ChallengeVerdict, problemsOf: (v: ChallengeVerdict) => string[]): AuthorCase {
  const problems = problemsOf(verdict);
  return { challenge: challenge.id, name, ok: problems.length === 0, problems, verdict };
}
