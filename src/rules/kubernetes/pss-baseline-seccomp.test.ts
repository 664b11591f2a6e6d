import { describe, expect, it } from 'vitest';
import { podWithSecurityContexts } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { pssBaselineSeccomp } from './pss-baseline-seccomp.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssBaselineSeccomp] }).findings;

const pod = podWithSecurityContexts;

describe('kubernetes/pss-baseline-seccomp', () => {
  it.each([
    ['no profile (allowed at baseline)', pod('{}', '{}')],
    ['RuntimeDefault', pod('{seccompProfile: {type: RuntimeDefault}}', '{}')],
    ['Localhost', pod('{}', '{seccompProfile: {type: Localhost, localhostProfile: p.json}}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['Unconfined on the pod', pod('{seccompProfile: {type: Unconfined}}', '{}'), [6]],
    ['Unconfined on a container under a good pod profile', pod('{seccompProfile: {type: RuntimeDefault}}', '{seccompProfile: {type: Unconfined}}'), [9]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-baseline-seccomp', severity: 'error' });
  });
});
