import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostPort } from './no-host-port.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noHostPort] }).findings;

const pod = (ports: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      ports:
${ports}`;

describe('kubernetes/no-host-port', () => {
  it.each([
    ['a containerPort only', pod('        - containerPort: 8080\n')],
    ['hostPort: 0, which means none', pod('        - containerPort: 8080\n          hostPort: 0\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('flags a hostPort at its line', () => {
    const findings = lint(pod('        - containerPort: 8080\n        - containerPort: 443\n          hostPort: 443\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-host-port', severity: 'warning', item: 'network.ports', line: 11 });
    expect(findings[0]?.message).toContain('hostPort 443');
  });
});
