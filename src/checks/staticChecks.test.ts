import { describe, expect, it } from 'vitest';
import { runStaticChecks } from './staticChecks.js';

const challenge = {
  id: 'non-root-dockerfile',
  folder: 'challenges/04-runtime/01-non-root-dockerfile',
  files: ['Dockerfile'],
  checks: { static: [{ rule: 'dockerfile/no-root-user', points: 1 }] },
};

describe('runStaticChecks', () => {
  it('titles a failing check with the problem and a passing one with the property', () => {
    const [failed] = runStaticChecks(challenge, new Map([['Dockerfile', 'FROM busybox:1.36.1\nUSER root\n']]));
    expect(failed).toMatchObject({ passed: false, title: 'The container runs as root' });
    const [passed] = runStaticChecks(challenge, new Map([['Dockerfile', 'FROM busybox:1.36.1\nUSER 10001:10001\n']]));
    expect(passed).toMatchObject({ passed: true, title: 'The container does not run as root' });
  });

  it('says how to get a missing file back, naming the broken copy and shipshape reset', () => {
    const [missing] = runStaticChecks(challenge, new Map([['Dockerfile', undefined]]));
    expect(missing?.passed).toBe(false);
    expect(missing?.findings[0]?.fix).toContain('challenges/04-runtime/01-non-root-dockerfile/broken/Dockerfile');
    expect(missing?.findings[0]?.fix).toContain('shipshape reset non-root-dockerfile');
  });
});
