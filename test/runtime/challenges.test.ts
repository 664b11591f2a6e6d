/**
 * Every challenge, proven against a real engine: the broken files build and fail every check,
 * the solution builds and passes every check, each negative fix fails one (a runtime one when it
 * is marked runtime), and each alternative solution passes every check, statically and at runtime.
 */
import { describe, expect, it } from 'vitest';
import { authorCheckChallenge, checkVariant } from '../../src/author/authorCheck.js';
import { loadCourse } from '../../src/content/loadCourse.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const course = loadCourse();

describe.each(course.challenges.map((c) => [c.id, c] as const))('challenge %s, at runtime', (_id, challenge) => {
  it('broken fails, solution passes, wrong answers fail, nothing is left behind', async () => {
    const cases = await authorCheckChallenge(course, challenge, { staticOnly: false });
    expect(cases.filter((c) => !c.ok).map((c) => `${c.name}: ${c.problems.join('; ')}`)).toEqual([]);
    expect(cases.map((c) => c.name)).toEqual([
      'broken',
      'solution',
      ...challenge.negativeFixes.map((f) => `negative: ${f.name}`),
      ...challenge.alternativeSolutions.map((a) => `alternative: ${a.name}`),
    ]);
    const solution = cases.find((c) => c.name === 'solution');
    if (challenge.checks.runtime) {
      expect(solution?.verdict.checks.filter((c) => c.kind === 'runtime')).toHaveLength(challenge.checks.runtime.probes.length);
    }
    expect(await labelledLeftovers(await testEngine(), process.pid)).toEqual({ containers: 0, images: 0 });
  });
});

/** The two wrong answers issue 9 found accepted: each now fails, and the failure names the task's requirement. */
describe.each([
  ['non-root-dockerfile', 'USER 10001:10001 with CMD sleep: not root, but the server no longer runs', 'app-works', /without breaking the server/],
  ['k8s-pod-security-context', "runAsUser 10001 without runAsGroup keeps root's group", 'group-not-root', /uid and gid 10001/],
] as const)('%s: the once-accepted wrong answer', (id, name, probe, requirement) => {
  it(`"${name}" fails ${probe}, naming the requirement`, async () => {
    const challenge = course.challenges.find((c) => c.id === id);
    if (!challenge) throw new Error(`no challenge ${id}`);
    const fix = challenge.negativeFixes.find((f) => f.name === name);
    if (!fix) throw new Error(`no negative fix "${name}"`);
    const verdict = await checkVariant(course, challenge, fix.files, false);
    const failed = verdict.checks.find((c) => c.id === probe);
    expect(failed).toMatchObject({ kind: 'runtime', passed: false, requirement: expect.stringMatching(requirement) });
  });
});
