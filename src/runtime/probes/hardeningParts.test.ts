import { describe, expect, it } from 'vitest';
import { combinedVerdict } from './hardeningParts.js';

describe('combinedVerdict', () => {
  it('passes only when every part holds, with every part in the evidence', () => {
    const verdict = combinedVerdict([
      { part: 'non-root user', passed: true, evidence: 'uid 10001' },
      { part: 'seccomp', passed: true, evidence: 'Seccomp: 2' },
    ]);
    expect(verdict).toEqual({ passed: true, evidence: 'non-root user: uid 10001; seccomp: Seccomp: 2' });
  });

  it('fails on one failed part and says which held', () => {
    const verdict = combinedVerdict([
      { part: 'non-root user', passed: true, evidence: 'uid 10001' },
      { part: 'read-only root filesystem', passed: false, evidence: 'root could create a file in /' },
    ]);
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toBe('read-only root filesystem: root could create a file in / (held: non-root user)');
  });
});
