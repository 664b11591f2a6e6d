/**
 * Scoring: a challenge verdict becomes points, check by check, with the points each check is
 * worth in challenge.yaml (default 1). Pure. A submission that could not be checked at all (a
 * timeout, an engine that went away, a refused build) still gets a line per check, failed, with
 * the reason as evidence: a grader reads one table, never a missing row.
 */
import type { CheckResult } from '../checks/types.js';
import type { Challenge } from '../content/schema.js';
import type { GradedCheck } from './report.js';
import { stableEvidence } from './stableEvidence.js';

export interface ExpectedCheck {
  id: string;
  kind: 'static' | 'runtime';
  points: number;
}

/** Every check the challenge declares, in the order a verdict lists them: static, then runtime. */
export function expectedChecks(challenge: Pick<Challenge, 'checks'>): ExpectedCheck[] {
  return [
    ...challenge.checks.static.map((spec) => ({ id: spec.rule, kind: 'static' as const, points: spec.points })),
    ...(challenge.checks.runtime?.probes ?? []).map((spec) => ({ id: spec.probe, kind: 'runtime' as const, points: spec.points })),
  ];
}

/**
 * Pairs each declared check with its result (by kind and position, since one rule may be
 * declared twice for two files). A declared check with no result failed, with `missingReason`.
 *
 * @example
 * scoreChecks(challenge, verdict.checks, 'the check did not finish')
 * // -> [{ id: 'dockerfile/no-root-user', kind: 'static', passed: true, points: 1, maxPoints: 1, evidence: 'no findings' }, ...]
 */
export function scoreChecks(challenge: Pick<Challenge, 'checks'>, results: readonly CheckResult[], missingReason: string): GradedCheck[] {
  const byKind = { static: results.filter((r) => r.kind === 'static'), runtime: results.filter((r) => r.kind === 'runtime') };
  const seen = { static: 0, runtime: 0 };
  return expectedChecks(challenge).map((expected) => {
    const result = byKind[expected.kind][seen[expected.kind]++];
    const matches = result !== undefined && result.id === expected.id;
    const passed = matches && result.passed;
    return {
      id: expected.id,
      kind: expected.kind,
      passed,
      points: passed ? expected.points : 0,
      maxPoints: expected.points,
      evidence: stableEvidence(matches ? result.evidence : missingReason),
    };
  });
}

/** Every declared check failed for one reason (the submission could not be checked). */
export function failedChecks(challenge: Pick<Challenge, 'checks'>, reason: string): GradedCheck[] {
  return scoreChecks(challenge, [], reason);
}

export function totals(checks: readonly GradedCheck[]): { score: number; max: number; passed: boolean } {
  return {
    score: checks.reduce((sum, c) => sum + c.points, 0),
    max: checks.reduce((sum, c) => sum + c.maxPoints, 0),
    passed: checks.every((c) => c.passed),
  };
}
