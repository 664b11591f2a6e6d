import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../checks/types.js';
import { expectedChecks, failedChecks, scoreChecks, totals } from './scoring.js';

const challenge = {
  checks: {
    static: [{ rule: 'dockerfile/no-root-user', points: 2 }, { rule: 'dockerfile/no-root-user', file: 'b/Dockerfile', points: 1 }],
    runtime: { dockerfile: 'Dockerfile', run: { from: 'dockerfile' as const }, probes: [{ probe: 'user-not-root', with: {}, points: 3 }] },
  },
};

const result = (kind: 'static' | 'runtime', id: string, passed: boolean, evidence = 'seen'): CheckResult => ({ kind, id, title: id, item: undefined, passed, evidence, findings: [] });

describe('scoring', () => {
  it('lists the declared checks, static then runtime, with their points', () => {
    expect(expectedChecks(challenge).map((c) => `${c.kind}:${c.id}:${c.points}`)).toEqual(['static:dockerfile/no-root-user:2', 'static:dockerfile/no-root-user:1', 'runtime:user-not-root:3']);
  });

  it('gives a passed check its points and a failed one none, pairing a rule declared twice by position', () => {
    const checks = scoreChecks(challenge, [result('static', 'dockerfile/no-root-user', true), result('static', 'dockerfile/no-root-user', false, 'USER root'), result('runtime', 'user-not-root', true)], 'missing');
    expect(checks.map((c) => [c.points, c.maxPoints, c.evidence])).toEqual([[2, 2, 'seen'], [0, 1, 'USER root'], [3, 3, 'seen']]);
    expect(totals(checks)).toEqual({ score: 5, max: 6, passed: false });
  });

  it('fails a declared check that has no result, with the reason', () => {
    const checks = scoreChecks(challenge, [result('static', 'dockerfile/no-root-user', true)], 'the check timed out');
    expect(checks[2]).toMatchObject({ id: 'user-not-root', passed: false, points: 0, evidence: 'the check timed out' });
    expect(checks[1]?.evidence).toBe('the check timed out');
  });

  it('scores a submission that could not be checked as all failed, keeping the maximum', () => {
    const checks = failedChecks(challenge, 'refused: privileged mode');
    expect(totals(checks)).toEqual({ score: 0, max: 6, passed: false });
    expect(new Set(checks.map((c) => c.evidence))).toEqual(new Set(['refused: privileged mode']));
  });
});
