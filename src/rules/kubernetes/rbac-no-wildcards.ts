/**
 * Role and ClusterRole rules should not use `*` in `verbs`, `resources` or `apiGroups`. How bad a
 * wildcard is depends on what it can reach, so the hit is graded: an error when it grants every
 * verb, any write, or reading Secrets; a warning for reading everything of a group that holds no
 * Secrets; info for reading the metrics API groups, which hold nothing but numbers.
 */
import { rbacPolicyRules, type RbacPolicyRule } from '../../analysis/kubernetesRbac.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule, Severity } from '../types.js';

const READ_ONLY_VERBS = new Set(['get', 'list', 'watch']);
/** API groups of resource metrics (metrics-server, Prometheus adapters): CPU and memory figures, no credentials. */
const METRICS_GROUPS = new Set(['metrics.k8s.io', 'custom.metrics.k8s.io', 'external.metrics.k8s.io']);

/** The severity of a rule's wildcards, and why, for the message. */
export function gradeWildcard(rule: Pick<RbacPolicyRule, 'apiGroups' | 'resources' | 'verbs'>): { severity: Severity; reach: string } {
  if (rule.verbs.includes('*')) return { severity: 'error', reach: 'every verb, including escalate, bind and impersonate' };
  if (!rule.verbs.every((verb) => READ_ONLY_VERBS.has(verb))) return { severity: 'error', reach: 'write access' };
  const coreOrAll = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
  const secretsInReach = coreOrAll && (rule.resources.includes('*') || rule.resources.includes('secrets'));
  if (secretsInReach) return { severity: 'error', reach: 'reading Secrets' };
  if (rule.apiGroups.length > 0 && rule.apiGroups.every((group) => METRICS_GROUPS.has(group))) {
    return { severity: 'info', reach: 'reading metrics only' };
  }
  return { severity: 'warning', reach: 'reading more than the workload names' };
}

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
    references: [],
    differences: [
      { relation: 'looser-than', peer: 'cis-kubernetes:5.1.3', note: 'CIS 5.1.3 asks to minimise every wildcard; shipshape reports read-only wildcards on metrics API groups as info and on other Secret-free groups as a warning' },
    ],
  },
  check(model) {
    return rbacPolicyRules(model).flatMap((rule) => {
      const { severity, reach } = gradeWildcard(rule);
      return fields.flatMap((field) => {
        const index = rule[field].indexOf('*');
        if (index < 0) return [];
        return [{ ...hitAt(rule.role, [...rule.path, field, index], `${describeObject(rule.role)} grants "*" in ${field} (${reach})`), severity }];
      });
    });
  },
};
