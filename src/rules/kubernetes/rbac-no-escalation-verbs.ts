/** `escalate`, `bind` and `impersonate` let a subject get rights it was not given; flag each use. */
import { rbacPolicyRules } from '../../analysis/kubernetesRbac.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

const escalationVerbs: Record<string, string> = {
  escalate: 'write roles with permissions it does not hold itself',
  bind: 'bind roles with permissions it does not hold itself',
  impersonate: 'act as other users, groups or service accounts',
};

export const rbacNoEscalationVerbs: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/rbac-no-escalation-verbs',
    severity: 'warning',
    title: 'An RBAC rule allows privilege escalation',
    passTitle: 'No RBAC rule allows privilege escalation',
    why:
      'RBAC normally stops a subject from granting rights it does not have. The escalate and bind verbs switch that ' +
      'safeguard off, and impersonate lets a subject act as someone else entirely. An attacker holding such a token ' +
      'can bind themselves to cluster-admin or impersonate a privileged account in one request.',
    fix: 'Remove `escalate`, `bind` and `impersonate` from `verbs`; keep them only for the few controllers that manage RBAC, with `resourceNames` restricting what they may touch.',
    item: 'k8s.rbac',
    references: [],
  },
  check(model) {
    return rbacPolicyRules(model).flatMap((rule) =>
      rule.verbs.flatMap((verb, index) => {
        const gives = escalationVerbs[verb];
        if (!gives) return [];
        const at = hitAt(rule.role, [...rule.path, 'verbs', index], `${describeObject(rule.role)} allows ${verb}: it can ${gives}`);
        // The fix's own advice for the controllers that need the verb: narrowed by resourceNames,
        // it is told as info, to be reviewed, not as the open escalation it is without them.
        if (rule.resourceNames.length === 0) return [at];
        return [{ ...at, severity: 'info' as const, message: `${describeObject(rule.role)} allows ${verb}, limited to ${rule.resourceNames.join(', ')} (resourceNames): keep it for a controller that manages RBAC` }];
      }),
    );
  },
};
