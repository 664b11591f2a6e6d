import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pssApparmor } from './pss-apparmor.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [pssApparmor] }).findings;

const pod = (annotations: string, podContext: string, containerContext: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations: ${annotations}
spec:
  securityContext: ${podContext}
  containers:
    - name: app
      securityContext: ${containerContext}
`;

describe('kubernetes/pss-apparmor', () => {
  it.each([
    ['nothing set', pod('{}', '{}', '{}')],
    ['RuntimeDefault and Localhost fields', pod('{}', '{appArmorProfile: {type: RuntimeDefault}}', '{appArmorProfile: {type: Localhost, localhostProfile: k8s-app}}')],
    ['the runtime/default annotation', pod('{container.apparmor.security.beta.kubernetes.io/app: runtime/default}', '{}', '{}')],
    ['a localhost/ annotation', pod('{container.apparmor.security.beta.kubernetes.io/app: localhost/k8s-app}', '{}', '{}')],
    ['an unrelated annotation', pod('{example.com/apparmor: unconfined}', '{}', '{}')],
  ])('admits %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['Unconfined on the pod', pod('{}', '{appArmorProfile: {type: Unconfined}}', '{}'), 7],
    ['Unconfined on the container', pod('{}', '{}', '{appArmorProfile: {type: Unconfined}}'), 10],
    ['the unconfined annotation', pod('{container.apparmor.security.beta.kubernetes.io/app: unconfined}', '{}', '{}'), 5],
  ])('denies %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/pss-apparmor', severity: 'error', line });
  });

  it('reads the annotation from a workload\'s pod template', () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    metadata:\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/app: unconfined\n    spec:\n      containers: [{name: app}]\n';
    expect(lint(text).map((f) => f.line)).toEqual([8]);
  });
});
