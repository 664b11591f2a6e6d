/** Small grade reports for the report-format tests: built by hand, so each test reads what it checks. */
import type { GradeReport, GradedChallenge } from '../../src/grade/report.js';

export function challengeResult(id: string, checks: { id: string; kind?: 'static' | 'runtime'; passed: boolean; points?: number; evidence?: string }[]): GradedChallenge {
  const graded = checks.map((c) => ({
    id: c.id,
    kind: c.kind ?? 'static',
    passed: c.passed,
    points: c.passed ? (c.points ?? 1) : 0,
    maxPoints: c.points ?? 1,
    evidence: c.evidence ?? (c.passed ? 'no findings' : 'it failed'),
  }));
  return {
    id,
    score: graded.reduce((n, c) => n + c.points, 0),
    max: graded.reduce((n, c) => n + c.maxPoints, 0),
    passed: graded.every((c) => c.passed),
    engine: null,
    seed: null,
    durationMs: 1234,
    checks: graded,
  };
}

export function sampleReport(): GradeReport {
  return {
    version: 1,
    challenges: ['healthcheck', 'non-root-dockerfile'],
    students: [
      {
        id: 'alice',
        score: 3,
        max: 4,
        challenges: [
          challengeResult('healthcheck', [{ id: 'dockerfile/missing-healthcheck', passed: true }, { id: 'healthy', kind: 'runtime', passed: false, evidence: 'never healthy: <timeout> & "retries" \u0007 bell' }]),
          challengeResult('non-root-dockerfile', [{ id: 'dockerfile/no-root-user', passed: true, points: 2 }]),
        ],
      },
      {
        id: '=cmd|evil',
        score: 0,
        max: 1,
        challenges: [challengeResult('healthcheck', [{ id: 'dockerfile/missing-healthcheck', passed: false, evidence: 'Dockerfile:1:1 no HEALTHCHECK\nsecond line' }])],
      },
    ],
  };
}
