import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssRestrictedSeccomp } from './pss-restricted-seccomp.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssRestrictedSeccomp] }).findings;

const pod = (podFields: string, appContext: string, initContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${podFields}  containers:
    - name: app
      securityContext: ${appContext}
  initContainers:
    - name: init
      securityContext: ${initContext}
`;

describe('kubernetes/pss-restricted-seccomp', () => {
  it.each([
    ['RuntimeDefault on the pod', pod('  securityContext: {seccompProfile: {type: RuntimeDefault}}\n', '{}', '{}')],
    ['Localhost on every container and nothing on the pod', pod('', '{seccompProfile: {type: Localhost, localhostProfile: a.json}}', '{seccompProfile: {type: RuntimeDefault}}')],
    ['Localhost on the pod with a container choosing RuntimeDefault', pod('  securityContext: {seccompProfile: {type: Localhost, localhostProfile: a.json}}\n', '{seccompProfile: {type: RuntimeDefault}}', '{}')],
    ['a Windows pod (the control is Linux only)', pod('  os: {name: windows}\n', '{}', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no profile anywhere (allowed at baseline, not here)', pod('', '{}', '{}'), [7, 10]],
    ['a profile on one container only', pod('', '{seccompProfile: {type: RuntimeDefault}}', '{}'), [10]],
    ['a container overriding the pod with Unconfined', pod('  securityContext: {seccompProfile: {type: RuntimeDefault}}\n', '{seccompProfile: {type: Unconfined}}', '{}'), [9]],
    ['an Unconfined pod even when every container sets RuntimeDefault', pod('  securityContext: {seccompProfile: {type: Unconfined}}\n', '{seccompProfile: {type: RuntimeDefault}}', '{seccompProfile: {type: RuntimeDefault}}'), [6]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-restricted-seccomp', severity: 'error', references: ['pss:restricted'] });
  });
});
