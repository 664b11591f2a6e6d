import { describe, expect, it } from 'vitest';
import type { CheckResult, ChallengeVerdict } from '../checks/types.js';
import { negativeProblems } from './authorCheck.js';

const check = (kind: CheckResult['kind'], passed: boolean): CheckResult => ({ kind, id: `${kind}-check`, title: 't', item: undefined, passed, evidence: '', findings: [] });
const verdict = (...checks: CheckResult[]): ChallengeVerdict => ({ challenge: 'c', passed: checks.every((c) => c.passed), checks });

describe('negativeProblems', () => {
  it('wants a static wrong answer to fail a static check', () => {
    expect(negativeProblems(verdict(check('static', false)), false, true)).toEqual([]);
    expect(negativeProblems(verdict(check('static', true)), false, true)).toEqual(['this wrong answer passes every static check; it must fail one']);
  });

  it('wants a runtime wrong answer to fail a runtime check, not only a static one', () => {
    expect(negativeProblems(verdict(check('static', true), check('runtime', false)), true, false)).toEqual([]);
    expect(negativeProblems(verdict(check('static', false), check('runtime', true)), true, false)).toEqual([expect.stringMatching(/fails only static checks/)]);
    expect(negativeProblems(verdict(check('static', true), check('runtime', true)), true, false)).toEqual([expect.stringMatching(/passes every check/)]);
  });

  it('lets a runtime wrong answer hold when only the static half runs', () => {
    expect(negativeProblems(verdict(check('static', true)), true, true)).toEqual([]);
  });
});
