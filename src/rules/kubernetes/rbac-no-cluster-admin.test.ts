import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { rbacNoClusterAdmin } from './rbac-no-cluster-admin.js';

const lint = (text: string) => lintText(text, 'rbac.yaml', 'kubernetes', { rules: [rbacNoClusterAdmin] }).findings;

const binding = (kind: string, roleKind: string, roleName: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: ci
subjects:
  - {kind: ServiceAccount, name: ci, namespace: build}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: ${roleKind}
  name: ${roleName}
`;

describe('kubernetes/rbac-no-cluster-admin', () => {
  it.each([
    ['a narrow ClusterRole', binding('ClusterRoleBinding', 'ClusterRole', 'view')],
    ['a namespaced Role that happens to be called cluster-admin', binding('RoleBinding', 'Role', 'cluster-admin')],
    ['the built-in admin role (namespace admin, not cluster-admin)', binding('RoleBinding', 'ClusterRole', 'admin')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a ClusterRoleBinding', binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'), 'whole cluster'],
    ['a RoleBinding (still full control of the namespace)', binding('RoleBinding', 'ClusterRole', 'cluster-admin'), 'its namespace'],
  ])('flags %s to cluster-admin', (_name, text, scope) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/rbac-no-cluster-admin', severity: 'error', line: 10 });
    expect(findings[0]?.message).toContain(scope);
  });
});
