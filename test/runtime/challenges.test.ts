/**
 * Every challenge, proven against a real engine: the broken files build and fail every check,
 * the solution builds and passes every check, and each negative fix fails one.
 */
import { describe, expect, it } from 'vitest';
import { authorCheckChallenge } from '../../src/author/authorCheck.js';
import { loadCourse } from '../../src/content/loadCourse.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const course = loadCourse();

describe.each(course.challenges.map((c) => [c.id, c] as const))('challenge %s, at runtime', (_id, challenge) => {
  it('broken fails, solution passes, wrong answers fail, nothing is left behind', async () => {
    const cases = await authorCheckChallenge(course, challenge, { staticOnly: false });
    expect(cases.filter((c) => !c.ok).map((c) => `${c.name}: ${c.problems.join('; ')}`)).toEqual([]);
    const solution = cases.find((c) => c.name === 'solution');
    if (challenge.checks.runtime) {
      expect(solution?.verdict.checks.filter((c) => c.kind === 'runtime')).toHaveLength(challenge.checks.runtime.probes.length);
    }
    expect(await labelledLeftovers(await testEngine(), { pid: process.pid })).toEqual({ containers: 0, images: 0 });
  });
});
