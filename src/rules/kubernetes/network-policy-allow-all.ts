/**
 * A NetworkPolicy ingress rule with neither `from` nor `ports` (`ingress: [{}]`) allows all
 * traffic from everywhere and cancels the isolation the policy seems to provide.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const networkPolicyAllowAll: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/network-policy-allow-all',
    severity: 'warning',
    title: 'A NetworkPolicy allows all ingress traffic',
    why:
      'An ingress rule without `from` and without `ports` matches every source on every port. The selected pods ' +
      'look protected because a policy exists, yet any compromised pod in the cluster, in any namespace, can still ' +
      'reach them; reviewers and scanners that only count policies are misled too.',
    fix: 'Replace the empty rule with `from` entries naming the allowed clients (`podSelector`, `namespaceSelector`) and the `ports` they use; or delete it to deny ingress.',
    item: 'k8s.network-policy',
    references: [],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'NetworkPolicy')
      .flatMap((policy) =>
        asArray(asRecord(policy.value.spec).ingress).flatMap((rule, index) => {
          const spec = asRecord(rule);
          if (asArray(spec.from).length > 0 || asArray(spec.ports).length > 0) return [];
          return [hitAt(policy, [...policy.path, 'spec', 'ingress', index],
            `${describeObject(policy)} has an ingress rule that allows all traffic from everywhere`)];
        }),
      );
  },
};
