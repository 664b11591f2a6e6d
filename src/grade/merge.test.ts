import { describe, expect, it } from 'vitest';
import { challengeResult } from '../../test/helpers/gradeFixtures.js';
import { MergeError, mergeReports } from './merge.js';
import { assembleReport } from './report.js';

describe('grade merge', () => {
  const shard1 = assembleReport(['a'], [{ id: 'zoe', challenges: [challengeResult('a', [{ id: 'r', passed: true }])] }]);
  const shard2 = assembleReport(['a', 'b'], [{ id: 'adam', challenges: [challengeResult('b', [{ id: 'r', passed: false }]), challengeResult('a', [{ id: 'r', passed: true }])] }]);

  it('joins shards into the report one job would have written, sorted by id', () => {
    const merged = mergeReports([shard1, shard2]);
    expect(merged.challenges).toEqual(['a', 'b']);
    expect(merged.students.map((s) => `${s.id} ${s.score}/${s.max}`)).toEqual(['adam 1/2', 'zoe 1/1']);
    expect(merged.students[0]?.challenges.map((c) => c.id)).toEqual(['a', 'b']);
    expect(JSON.stringify(mergeReports([shard2, shard1]))).toBe(JSON.stringify(merged));
  });

  it('refuses a student graded twice, naming them', () => {
    expect(() => mergeReports([shard1, shard1])).toThrow(MergeError);
    expect(() => mergeReports([shard1, shard1])).toThrow(/zoe/);
  });
});
