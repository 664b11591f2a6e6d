import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { rbacNoWildcards } from './rbac-no-wildcards.js';

const lint = (text: string) => lintText(text, 'rbac.yaml', 'kubernetes', { rules: [rbacNoWildcards] }).findings;

const role = (kind: string, rule: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata:
  name: app
rules:
  - apiGroups: ${rule.split('|')[0]}
    resources: ${rule.split('|')[1]}
    verbs: ${rule.split('|')[2]}
`;

describe('kubernetes/rbac-no-wildcards', () => {
  it.each([
    ['an exact rule', role('Role', '[""]|[configmaps]|[get, watch]')],
    ['an aggregated ClusterRole without rules', 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata: {name: agg}\naggregationRule: {clusterRoleSelectors: [{matchLabels: {a: b}}]}\n'],
    ['a "*" that is part of a name, not a wildcard', role('Role', '[""]|["pods/*"]|[get]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['verbs', role('Role', '[""]|[pods]|["*"]'), [8]],
    ['resources', role('ClusterRole', '[""]|["*"]|[get]'), [7]],
    ['apiGroups', role('Role', '["*"]|[pods]|[get]'), [6]],
    ['all three', role('ClusterRole', '["*"]|["*"]|["*"]'), [6, 7, 8]],
  ])('flags "*" in %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/rbac-no-wildcards', severity: 'error', item: 'k8s.rbac' });
  });
});
