import { describe, expect, it } from 'vitest';
import type { Challenge, Lesson } from '../content/schema.js';
import { curriculumCoverage, formatCoverage } from './coverage.js';

const lesson = { id: 'l', items: ['runtime.non-root'] } as unknown as Lesson;
const challenge = { id: 'c', items: ['runtime.non-root', 'image.no-suid'] } as unknown as Challenge;

describe('curriculumCoverage', () => {
  const rows = curriculumCoverage([lesson], [challenge], [{ id: 'dockerfile/no-root-user', item: 'runtime.non-root' }], [{ id: 'no-suid-files', item: 'image.no-suid' }]);

  it('has a row per curriculum item, linking what names it', () => {
    expect(rows.length).toBeGreaterThan(30);
    expect(rows.find((r) => r.item === 'runtime.non-root')).toMatchObject({ lessons: ['l'], challenges: ['c'], rules: ['dockerfile/no-root-user'], probes: [] });
    expect(rows.find((r) => r.item === 'image.no-suid')).toMatchObject({ lessons: [], challenges: ['c'], probes: ['no-suid-files'] });
  });

  it('sums up how many items are covered', () => {
    expect(formatCoverage(rows)).toMatch(/1 with a lesson, 2 with a challenge, 1 with a static rule, 1 with a runtime probe\.$/);
  });
});
