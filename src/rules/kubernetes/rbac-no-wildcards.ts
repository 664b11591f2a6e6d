/** Role and ClusterRole rules must not use `*` in `verbs`, `resources` or `apiGroups`. */
import { rbacPolicyRules } from '../../analysis/kubernetesRbac.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

const fields = ['apiGroups', 'resources', 'verbs'] as const;

export const rbacNoWildcards: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/rbac-no-wildcards',
    severity: 'error',
    title: 'An RBAC rule grants a wildcard',
    passTitle: 'No RBAC rule grants a wildcard',
    why:
      'A `*` grants everything that exists today and everything added later: every verb including escalate and ' +
      'impersonate, every resource including Secrets, every API group including the ones a new operator installs. ' +
      'An attacker who steals a token bound to such a role can read every Secret in scope or give themselves more ' +
      'rights, and nobody reviewing the role can tell what it was meant to allow.',
    fix: 'List the exact `apiGroups`, `resources` and `verbs` the workload uses, e.g. `apiGroups: [""]`, `resources: ["configmaps"]`, `verbs: ["get", "watch"]`.',
    item: 'k8s.rbac',
    references: ['cis-kubernetes:5.1.3'],
  },
  check(model) {
    return rbacPolicyRules(model).flatMap((rule) =>
      fields.flatMap((field) => {
        const index = rule[field].indexOf('*');
        if (index < 0) return [];
        return [hitAt(rule.role, [...rule.path, field, index], `${describeObject(rule.role)} grants "*" in ${field}`)];
      }),
    );
  },
};
