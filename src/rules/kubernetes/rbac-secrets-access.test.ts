import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { rbacSecretsAccess } from './rbac-secrets-access.js';

const lint = (text: string) => lintText(text, 'rbac.yaml', 'kubernetes', { rules: [rbacSecretsAccess] }).findings;

const role = (kind: string, rule: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: reader
rules:
  - ${rule}
`;

describe('kubernetes/rbac-secrets-access', () => {
  it.each([
    ['get on one named Secret', role('Role', '{apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get]}')],
    ['create only (writing is not reading)', role('Role', '{apiGroups: [""], resources: [secrets], verbs: [create]}')],
    ['list on configmaps', role('Role', '{apiGroups: [""], resources: [configmaps], verbs: [list]}')],
    ['"secrets" of another API group', role('Role', '{apiGroups: [example.com], resources: [secrets], verbs: [list]}')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['list and watch', role('ClusterRole', '{apiGroups: [""], resources: [pods, secrets], verbs: [list, watch]}'), 'list, watch', 'every namespace'],
    ['get without resourceNames', role('Role', '{apiGroups: [""], resources: [secrets], verbs: [get]}'), 'get', 'its namespace'],
    ['list even with resourceNames', role('Role', '{apiGroups: [""], resources: [secrets], resourceNames: [db], verbs: [get, list]}'), 'list', 'its namespace'],
  ])('warns on %s', (_name, text, verbs, scope) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/rbac-secrets-access', severity: 'warning', line: 6 });
    expect(findings[0]?.message).toContain(`allows ${verbs} on secrets in ${scope}`);
  });
});
