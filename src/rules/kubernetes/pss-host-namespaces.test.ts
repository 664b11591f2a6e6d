import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssHostNamespaces } from './pss-host-namespaces.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssHostNamespaces] }).findings;

const pod = (fields: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${fields}  containers: [{name: app}]
`;

describe('kubernetes/pss-host-namespaces', () => {
  it.each([
    ['no fields', pod('')],
    ['explicit false', pod('  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('denies each host namespace at its line', () => {
    const findings = lint(pod('  hostIPC: true\n  hostNetwork: true\n  hostPID: true\n'));
    expect(findings.map((f) => f.line)).toEqual([6, 7, 8]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-host-namespaces', severity: 'error', references: ['pss:baseline'] });
  });
});
