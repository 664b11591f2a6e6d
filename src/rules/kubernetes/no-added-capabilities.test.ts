import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noAddedCapabilities } from './no-added-capabilities.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noAddedCapabilities] }).findings;

const pod = (capabilities: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      securityContext:
        capabilities:
${capabilities}`;

describe('kubernetes/no-added-capabilities', () => {
  it.each([
    ['no add list', pod('          drop: [ALL]\n')],
    ['only NET_BIND_SERVICE', pod('          drop: [ALL]\n          add: [NET_BIND_SERVICE]\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('flags every capability beyond NET_BIND_SERVICE at its own line', () => {
    const findings = lint(pod('          add:\n            - NET_BIND_SERVICE\n            - SYS_ADMIN\n            - CHOWN\n'));
    expect(findings.map((f) => [f.line, f.message.split('capability ')[1]])).toEqual([[12, 'SYS_ADMIN'], [13, 'CHOWN']]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-added-capabilities', severity: 'error' });
  });

  it('flags CAP_SYS_ADMIN written with the prefix too', () => {
    expect(lint(pod('          add: [CAP_SYS_ADMIN]\n')).map((f) => f.line)).toEqual([10]);
  });
});
