import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noPrivileged } from './no-privileged.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noPrivileged] }).findings;

const pod = (containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  initContainers:
    - name: setup
      securityContext: ${containerContext}
  containers:
    - name: app
      image: nginx:1.27.2
`;

describe('kubernetes/no-privileged', () => {
  it.each([
    ['no securityContext', pod('{}')],
    ['privileged: false', pod('{privileged: false}')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('flags privileged: true, even on an init container', () => {
    const findings = lint(pod('{privileged: true}'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-privileged', severity: 'error', line: 8 });
    expect(findings[0]?.message).toContain('init container "setup"');
  });
});
