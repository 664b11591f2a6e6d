/**
 * The whole shipped course, statically: it loads, every item a challenge teaches has a lesson,
 * and every challenge passes the author check without Docker (broken fails, solution passes,
 * each negative fix fails). The runtime half of the same check is in test/runtime.
 */
import { describe, expect, it } from 'vitest';
import { authorCheckChallenge } from '../../src/author/authorCheck.js';
import { loadCourse } from '../../src/content/loadCourse.js';

const course = loadCourse();

describe('the shipped course', () => {
  it('has lessons and challenges', () => {
    expect(course.lessons.length).toBeGreaterThan(0);
    expect(course.challenges.length).toBeGreaterThan(0);
  });

  it('gives every lesson a quiz', () => {
    for (const lesson of course.lessons) expect(lesson.quiz.length, lesson.id).toBeGreaterThan(0);
  });

  it('gives every challenge at least three negative fixes, and a runtime challenge one that must fail at runtime', () => {
    for (const challenge of course.challenges) {
      expect(challenge.negativeFixes.length, challenge.id).toBeGreaterThanOrEqual(3);
      if (challenge.checks.runtime) expect(challenge.negativeFixes.some((fix) => fix.runtime), challenge.id).toBe(true);
    }
  });

  describe.each(course.challenges.map((c) => [c.id, c] as const))('challenge %s, statically', (_id, challenge) => {
    it('broken fails every check, solution passes, wrong answers fail', async () => {
      const cases = await authorCheckChallenge(course, challenge, { staticOnly: true });
      expect(cases.filter((c) => !c.ok).map((c) => `${c.name}: ${c.problems.join('; ')}`)).toEqual([]);
      expect(cases.map((c) => c.name)).toEqual([
        'broken',
        'solution',
        ...challenge.negativeFixes.map((f) => `negative: ${f.name}`),
        ...challenge.alternativeSolutions.map((a) => `alternative: ${a.name}`),
      ]);
    });
  });
});
