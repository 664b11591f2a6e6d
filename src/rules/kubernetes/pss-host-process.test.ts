import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssHostProcess } from './pss-host-process.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostProcess] }).findings;

const pod = (podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: win
spec:
  securityContext: ${podContext}
  containers:
    - name: app
      securityContext: ${containerContext}
`;

describe('kubernetes/pss-host-process', () => {
  it.each([
    ['no windowsOptions', pod('{}', '{}')],
    ['hostProcess: false', pod('{windowsOptions: {hostProcess: false}}', '{windowsOptions: {hostProcess: false}}')],
    ['other windowsOptions', pod('{windowsOptions: {runAsUserName: ContainerUser}}', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['on the pod', pod('{windowsOptions: {hostProcess: true}}', '{}'), 6],
    ['on a container', pod('{}', '{windowsOptions: {hostProcess: true}}'), 9],
  ])('denies hostProcess: true %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-host-process', severity: 'error', item: 'k8s.admission', references: ['pss:baseline'], line });
    expect(findings[0]?.message).toContain('(Pod Security baseline)');
  });
});
