import { describe, expect, it } from 'vitest';
import { seccompVerdict } from './seccompStatus.js';

const refused = { exitCode: 1, output: 'unshare: unshare(0x10000000): Operation not permitted\n' };
const allowed = { exitCode: 0, output: '' };

describe('seccompVerdict', () => {
  it('passes with a filter in force that refuses a new user namespace', () => {
    const verdict = seccompVerdict({ statusText: 'Name:\tcat\nSeccomp:\t2\nSeccomp_filters:\t1\n', blockedCall: refused });
    expect(verdict.passed).toBe(true);
    expect(verdict.evidence).toMatch(/Seccomp: 2.*refused/);
  });

  it('fails without a filter (seccomp=unconfined)', () => {
    const verdict = seccompVerdict({ statusText: 'Seccomp:\t0\n', blockedCall: allowed });
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/Seccomp: 0.*no seccomp filter.*succeeded/);
  });

  it('fails with a filter that lets the blocked call through', () => {
    expect(seccompVerdict({ statusText: 'Seccomp:\t2\n', blockedCall: allowed }).evidence).toMatch(/not the default profile/);
  });

  it('does not count a call that failed for another reason', () => {
    expect(seccompVerdict({ statusText: 'Seccomp:\t2\n', blockedCall: { exitCode: 127, output: 'unshare: not found' } }).passed).toBe(false);
  });

  it('fails when the status could not be read or has no Seccomp line', () => {
    expect(seccompVerdict({ statusText: undefined, blockedCall: refused }).passed).toBe(false);
    expect(seccompVerdict({ statusText: 'Name:\tcat\n', blockedCall: refused }).evidence).toMatch(/no Seccomp line/);
  });
});
