import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssRunAsNonRoot } from './pss-run-as-non-root.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssRunAsNonRoot] }).findings;

const pod = (podContext: string, appContext: string, sidecarContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: ${podContext}
  containers:
    - name: app
      securityContext: ${appContext}
    - name: sidecar
      securityContext: ${sidecarContext}
`;

describe('kubernetes/pss-run-as-non-root', () => {
  it.each([
    ['true on the pod', pod('{runAsNonRoot: true}', '{}', '{}')],
    ['true on every container', pod('{}', '{runAsNonRoot: true}', '{runAsNonRoot: true}')],
    ['true on the pod and repeated on a container', pod('{runAsNonRoot: true}', '{runAsNonRoot: true}', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['nothing set', pod('{}', '{}', '{}'), [8, 10]],
    ['only one container setting it', pod('{}', '{runAsNonRoot: true}', '{}'), [10]],
    ['a container setting false under a true pod', pod('{runAsNonRoot: true}', '{}', '{runAsNonRoot: false}'), [11]],
    ['false on the pod, even with every container true', pod('{runAsNonRoot: false}', '{runAsNonRoot: true}', '{runAsNonRoot: true}'), [6]],
    ['a non-zero runAsUser without the flag (the standard wants the flag)', pod('{runAsUser: 10001}', '{}', '{}'), [8, 10]],
  ])('denies %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-run-as-non-root', severity: 'error', references: ['pss:restricted'] });
  });
});
