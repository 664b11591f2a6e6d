import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssPrivilegeEscalation] }).findings;

const pod = (os: string, context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${os}  containers:
    - name: app
      securityContext: ${context}
`;

describe('kubernetes/pss-privilege-escalation', () => {
  it.each([
    ['allowPrivilegeEscalation: false', pod('', '{allowPrivilegeEscalation: false}')],
    ['a Windows pod (the control is Linux only)', pod('  os: {name: windows}\n', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['an unset field', pod('', '{}'), 7],
    ['true', pod('', '{allowPrivilegeEscalation: true}'), 8],
    ['a Linux pod that says so', pod('  os: {name: linux}\n', '{}'), 8],
  ])('denies %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-privilege-escalation', severity: 'error', references: ['pss:restricted'], line });
  });
});
