import { describe, expect, it } from 'vitest';
import { windowsPod } from '../../../test/helpers/kubernetesFixtures.js';
import { lintText } from '../engine.js';
import { runAsNonRoot } from './run-as-non-root.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [runAsNonRoot] }).findings;

/** A pod whose securityContexts are given as YAML flow maps; the container is on line 8. */
const pod = (podContext: string, containerContext: string, extra = '') => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  securityContext: ${podContext}
  containers:
    - name: app
      image: nginx:1.27.2
      securityContext: ${containerContext}
${extra}`;

describe('kubernetes/run-as-non-root', () => {
  it.each([
    ['runAsNonRoot on the pod', pod('{runAsNonRoot: true}', '{}')],
    ['runAsNonRoot on the container', pod('{}', '{runAsNonRoot: true}')],
    ['a non-zero runAsUser on the pod', pod('{runAsUser: 10001}', '{}')],
    ['a non-zero runAsUser on the container overriding pod root', pod('{runAsUser: 0}', '{runAsUser: 10001}')],
    ['runAsNonRoot false on the pod but true on the container', pod('{runAsNonRoot: false}', '{runAsNonRoot: true}')],
    ['a pod without containers', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: []}\n'],
    ['a Service (no pod spec)', 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['nothing set at all (the image decides)', pod('{}', '{}'), 8, 'neither runAsNonRoot'],
    ['runAsUser 0 on the container', pod('{runAsNonRoot: false}', '{runAsUser: 0}'), 10, 'runAsUser is 0'],
    ['runAsUser 0 on the pod, inherited', pod('{runAsUser: 0}', '{}'), 6, 'runAsUser is 0'],
    ['runAsNonRoot false on the pod', pod('{runAsNonRoot: false}', '{}'), 6, 'runAsNonRoot: false'],
    ['the container undoing the pod with runAsNonRoot false', pod('{runAsNonRoot: true}', '{runAsNonRoot: false}'), 10, 'runAsNonRoot: false'],
    ['runAsUser "0" written as a string', pod('{}', '{runAsUser: "0"}'), 10, 'runAsUser is 0'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/run-as-non-root', severity: 'error', item: 'k8s.security-context', line });
    expect(findings[0]?.message).toContain(message);
  });

  it('calls runAsNonRoot: true with runAsUser: 0 a contradiction the kubelet refuses', () => {
    const findings = lint(pod('{runAsNonRoot: true}', '{runAsUser: 0}'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 10, severity: 'error' });
    expect(findings[0]?.message).toMatch(/kubelet refuses to start it/);
  });

  it('checks init and ephemeral containers too, naming their group', () => {
    const text = pod('{}', '{runAsNonRoot: true}', '  initContainers:\n    - name: migrate\n  ephemeralContainers:\n    - name: debug\n');
    const findings = lint(text);
    expect(findings.map((f) => [f.line, f.message.split(' "')[0]])).toEqual([[12, 'init container'], [14, 'ephemeral container']]);
  });

  it('checks every workload in a multi-document file', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n';
    const findings = lint(`${pod('{runAsNonRoot: true}', '{}')}---\n${deployment}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 19 });
    expect(findings[0]?.message).toContain('Deployment/api');
  });

  it('asks a Windows pod for runAsNonRoot and a user name, never for a uid', () => {
    expect(lint(windowsPod)).toEqual([]);
    const findings = lint(windowsPod.replace('    runAsNonRoot: true\n', ''));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('windowsOptions.runAsUserName');
    expect(findings[0]?.message).not.toContain('non-zero runAsUser');
  });
});
