/**
 * Reading Secrets broadly: `list` or `watch` on `secrets` (which return every Secret's content),
 * or `get` not narrowed by `resourceNames`. Wildcards are the wildcard rule's concern.
 */
import { rbacPolicyRules } from '../../analysis/kubernetesRbac.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const rbacSecretsAccess: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/rbac-secrets-access',
    severity: 'warning',
    title: 'An RBAC rule can read Secrets broadly',
    passTitle: 'No RBAC rule can read Secrets broadly',
    why:
      'list and watch on Secrets return the decoded contents of every Secret in scope, not just their names, and ' +
      'get without resourceNames reaches any Secret whose name an attacker can guess. A stolen token with that ' +
      'grant yields database passwords, API keys and other service accounts\' tokens, which is usually the next ' +
      'step of lateral movement through a cluster.',
    fix: 'Grant only `get` on `secrets` with `resourceNames: ["the-one-secret"]`, in a Role of the namespace that holds it; better, mount the Secret into the pod instead of reading it through the API.',
    item: 'k8s.rbac',
    references: ['cis-kubernetes:5.1.2'],
  },
  check(model) {
    return rbacPolicyRules(model).flatMap((rule) => {
      const resourceIndex = rule.resources.indexOf('secrets');
      const coreGroup = rule.apiGroups.includes('') || rule.apiGroups.includes('*');
      if (resourceIndex < 0 || !coreGroup) return [];
      const broadVerbs = rule.verbs.filter((verb) =>
        verb === 'list' || verb === 'watch' || (verb === 'get' && rule.resourceNames.length === 0));
      if (broadVerbs.length === 0) return [];
      const scope = rule.role.kind === 'ClusterRole' ? 'in every namespace it is bound for' : 'in its namespace';
      return [hitAt(rule.role, [...rule.path, 'resources', resourceIndex],
        `${describeObject(rule.role)} allows ${broadVerbs.join(', ')} on secrets ${scope}`)];
    });
  },
};
