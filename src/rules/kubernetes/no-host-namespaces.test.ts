import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostNamespaces } from './no-host-namespaces.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noHostNamespaces] }).findings;

const pod = (fields: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${fields}  containers:
    - name: app
`;

describe('kubernetes/no-host-namespaces', () => {
  it.each([
    ['no host namespace fields', pod('')],
    ['all three set to false', pod('  hostNetwork: false\n  hostPID: false\n  hostIPC: false\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('flags each shared namespace at its own line', () => {
    const findings = lint(pod('  hostNetwork: true\n  hostPID: true\n  hostIPC: true\n'));
    expect(findings.map((f) => [f.line, f.message.match(/sets (\w+)/)?.[1]])).toEqual([[6, 'hostNetwork'], [7, 'hostPID'], [8, 'hostIPC']]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-host-namespaces', severity: 'error', item: 'runtime.no-docker-socket' });
  });

  it('does not take the string "true" for a boolean', () => {
    expect(lint(pod('  hostPID: "true"\n'))).toEqual([]);
  });
});
