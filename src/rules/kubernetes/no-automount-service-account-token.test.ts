import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noAutomountServiceAccountToken } from './no-automount-service-account-token.js';

const lint = (text: string) => lintText(text, 'app.yaml', 'kubernetes', { rules: [noAutomountServiceAccountToken] }).findings;

const pod = (fields: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
${fields}  containers:
    - name: app
`;

const account = (name: string, automount: string) => `---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: ${name}
${automount}`;

describe('kubernetes/no-automount-service-account-token', () => {
  it.each([
    ['the pod turning the token off', pod('  automountServiceAccountToken: false\n')],
    ['its ServiceAccount in the file turning it off', pod('  serviceAccountName: web\n') + account('web', 'automountServiceAccountToken: false\n')],
    ['the default ServiceAccount in the file turning it off', pod('') + account('default', 'automountServiceAccountToken: false\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a pod leaving the default', pod(''), [5]],
    ['a pod asking for the token explicitly, even though its account says no', pod('  automountServiceAccountToken: true\n  serviceAccountName: web\n') + account('web', 'automountServiceAccountToken: false\n'), [6]],
    ['a pod whose ServiceAccount in the file is another one', pod('  serviceAccountName: web\n') + account('other', 'automountServiceAccountToken: false\n'), [5]],
    // One mistake, one finding: the pod's finding names its ServiceAccount too.
    ['a ServiceAccount that keeps the default, and the pod using it (once)', pod('  serviceAccountName: web\n') + account('web', ''), [5]],
    ['a ServiceAccount no pod in the file uses', account('web', ''), [2]],
  ])('reports %s as info', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-automount-service-account-token', severity: 'info', item: 'k8s.rbac' });
  });
});
