/**
 * The author check (after rustlings' `dev check`): a challenge is only done when its broken
 * files fail every check, its solution passes every check, and each negative fix (a plausible
 * wrong answer) still fails at least one. Runs statically, and at runtime when asked.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkChallenge } from '../checks/checkChallenge.js';
import type { ChallengeVerdict } from '../checks/types.js';
import type { Course } from '../content/loadCourse.js';
import type { Challenge } from '../content/schema.js';

export interface AuthorCase {
  challenge: string;
  /** `broken`, `solution`, or `negative: <name>`. */
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
  cases.push(judge(challenge, 'broken', broken, (v) => v.checks.filter((c) => c.passed).map((c) => `${c.id} passes on the broken files; it must fail`)));

  const solution = await checkChallenge(challenge, { dir: path.join(folder, 'solution'), staticOnly: options.staticOnly });
  cases.push(judge(challenge, 'solution', solution, (v) => v.checks.filter((c) => !c.passed).map((c) => `${c.id} fails on the solution: ${c.evidence}`)));

  for (const fix of challenge.negativeFixes) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-negative-'));
    try {
      cpSync(path.join(folder, 'solution'), dir, { recursive: true });
      for (const [file, text] of Object.entries(fix.files)) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const verdict = await checkChallenge(challenge, { dir, staticOnly: options.staticOnly || !fix.runtime });
      // A wrong answer marked `runtime: true` may be one only a running container exposes (a
      // healthcheck on the wrong port): without the runtime half it cannot be judged, so it holds.
      const judgedFully = !(options.staticOnly && fix.runtime);
      cases.push(judge(challenge, `negative: ${fix.name}`, verdict, (v) => (v.passed && judgedFully ? ['this wrong answer passes every check; it must fail one'] : [])));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return cases;
}

function judge(challenge: Challenge, name: string, verdict: ChallengeVerdict, problemsOf: (v: ChallengeVerdict) => string[]): AuthorCase {
  const problems = problemsOf(verdict);
  return { challenge: challenge.id, name, ok: problems.length === 0, problems, verdict };
}
