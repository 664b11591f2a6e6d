import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssPrivileged } from './pss-privileged.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssPrivileged] }).findings;

const pod = (context: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers: [{name: app}]
  ephemeralContainers:
    - name: debug
      securityContext: ${context}
`;

describe('kubernetes/pss-privileged', () => {
  it.each([['{}'], ['{privileged: false}']])('admits %s', (context) => {
    expect(lint(pod(context))).toEqual([]);
  });

  it('denies privileged: true, ephemeral containers included', () => {
    const findings = lint(pod('{privileged: true}'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-privileged', severity: 'error', line: 9 });
    expect(findings[0]?.message).toContain('ephemeral container "debug"');
  });
});
