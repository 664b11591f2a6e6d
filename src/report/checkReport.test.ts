import { describe, expect, it } from 'vitest';
import type { ChallengeVerdict } from '../checks/types.js';
import { formatVerdict, verdictToJson } from './checkReport.js';

const failing: ChallengeVerdict = {
  challenge: 'demo',
  passed: false,
  checks: [
    {
      kind: 'static', id: 'dockerfile/no-root-user', title: 'Runs as root', item: 'runtime.non-root', passed: false, evidence: 'x',
      findings: [{ rule: 'dockerfile/no-root-user', severity: 'error', file: 'Dockerfile', line: 2, column: 1, message: 'no USER', title: 't', why: 'because', fix: 'add USER', item: 'runtime.non-root', references: [] }],
    },
    { kind: 'runtime', id: 'user-not-root', title: 'Not root', item: 'runtime.non-root', passed: true, evidence: '`id -u` printed 10001', findings: [] },
  ],
};
const lessonFor = (item: string | undefined) => (item === 'runtime.non-root' ? { id: 'runtime-non-root', title: 'Non-root' } : undefined);

describe('formatVerdict', () => {
  it('shows position, why, fix, lesson and runtime evidence', () => {
    const text = formatVerdict(failing, lessonFor);
    expect(text).toContain('FAIL [static] Runs as root (dockerfile/no-root-user)');
    expect(text).toContain('Dockerfile:2:1 no USER');
    expect(text).toContain('why: because');
    expect(text).toContain('fix: add USER');
    expect(text).toContain('shipshape lesson runtime-non-root');
    expect(text).toContain('PASS [runtime] Not root');
    expect(text).toContain('`id -u` printed 10001');
    expect(text).toMatch(/1 of 2 checks fail for demo\.$/);
  });

  it('prints a failed runtime check with its evidence and its fix', () => {
    const text = formatVerdict({
      challenge: 'demo', passed: false,
      checks: [{ kind: 'runtime', id: 'attack-run-dropped-binary', title: 'Attack: a program dropped into a writable folder ran', item: 'runtime.read-only-rootfs', passed: false, requirement: 'nothing dropped into /tmp may run', evidence: 'ran from /tmp', fix: 'mount /tmp as a tmpfs without exec', findings: [] }],
    }, lessonFor);
    expect(text).toContain('FAIL [runtime] Attack: a program dropped into a writable folder ran (attack-run-dropped-binary)\n     task: nothing dropped into /tmp may run\n     ran from /tmp\n     fix: mount /tmp as a tmpfs without exec');
  });
});

describe('verdictToJson', () => {
  it('keeps the fields graders rely on', () => {
    expect(verdictToJson(failing, lessonFor)).toMatchObject({
      version: 1, challenge: 'demo', passed: false,
      checks: [
        { kind: 'static', passed: false, lesson: 'runtime-non-root', findings: [{ file: 'Dockerfile', line: 2, column: 1, rule: 'dockerfile/no-root-user' }] },
        { kind: 'runtime', passed: true, evidence: '`id -u` printed 10001' },
      ],
    });
  });
});
