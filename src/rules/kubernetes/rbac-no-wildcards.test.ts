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
    ['apiGroups', role('Role', '["*"]|[pods]|[get, delete]'), [6]],
    ['all three', role('ClusterRole', '["*"]|["*"]|["*"]'), [6, 7, 8]],
  ])('flags "*" in %s', (_name, text, lines) => {
    const findings = lint(text);
    expect(findings.map((f) => f.line)).toEqual(lines);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/rbac-no-wildcards', severity: 'error', item: 'k8s.rbac' });
  });
});

describe('kubernetes/rbac-no-wildcards grades by verbs and groups', () => {
  it.each([
    ['read-only metrics of every resource', '["metrics.k8s.io"]|["*"]|[get, list, watch]', 'info', 'metrics only'],
    ['read-only custom and external metrics', '["custom.metrics.k8s.io", "external.metrics.k8s.io"]|["*"]|[get, list]', 'info', 'metrics only'],
    ['read-only everything of the apps group', '["apps"]|["*"]|[get, list, watch]', 'warning', 'reading more'],
    ['read-only pods in every group', '["*"]|[pods]|[list]', 'warning', 'reading more'],
    ['read-only everything of the core group (Secrets included)', '[""]|["*"]|[get, list]', 'error', 'reading Secrets'],
    ['read-only Secrets in every group', '["*"]|[secrets]|[get]', 'error', 'reading Secrets'],
    ['writing every metrics resource', '["metrics.k8s.io"]|["*"]|[create]', 'error', 'write access'],
    ['every verb on metrics', '["metrics.k8s.io"]|[pods]|["*"]', 'error', 'every verb'],
  ])('%s is %s', (_name, rule, severity, reach) => {
    const findings = lint(role('ClusterRole', rule));
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.severity).toBe(severity);
      expect(finding.message).toContain(reach);
    }
  });
});
