import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { rbacNoEscalationVerbs } from './rbac-no-escalation-verbs.js';

const lint = (text: string) => lintText(text, 'rbac.yaml', 'kubernetes', { rules: [rbacNoEscalationVerbs] }).findings;

const role = (verbs: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRole
metadata:
  name: manager
rules:
  - apiGroups: [rbac.authorization.k8s.io]
    resources: [clusterroles, clusterrolebindings]
    verbs:
${verbs}`;

describe('kubernetes/rbac-no-escalation-verbs', () => {
  it('passes ordinary verbs', () => {
    expect(lint(role('      - get\n      - list\n'))).toEqual([]);
  });

  it('warns on escalate, bind and impersonate, each at its line', () => {
    const findings = lint(role('      - get\n      - escalate\n      - bind\n      - impersonate\n'));
    expect(findings.map((f) => f.line)).toEqual([10, 11, 12]);
    expect(findings.every((f) => f.severity === 'warning' && f.rule === 'kubernetes/rbac-no-escalation-verbs')).toBe(true);
    expect(findings[2]?.message).toContain('act as other users');
  });

  it('tells bind narrowed by resourceNames as info, the way its fix advises controllers to grant it', () => {
    const narrowed = role('      - bind\n').replace('    resources: [clusterroles, clusterrolebindings]\n', '    resources: [clusterroles]\n    resourceNames: [view]\n');
    const findings = lint(narrowed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'info', line: 10 });
    expect(findings[0]?.message).toContain('limited to view');
  });
});
