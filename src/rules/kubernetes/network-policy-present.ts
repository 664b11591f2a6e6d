/**
 * Workloads should be covered by a NetworkPolicy. Run-scoped: a workload passes when a
 * NetworkPolicy in the same namespace selects its pods, in any file of the same lint run (or in
 * its own file when checked alone); a default-deny `podSelector: {}` selects them all. Only info,
 * since the cluster may hold policies no file shows.
 */
import { sameNamespace } from '../../analysis/kubernetesNamespaces.js';
import { selectorMatches } from '../../analysis/kubernetesSelectors.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const networkPolicyPresent: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/network-policy-present',
    severity: 'info',
    title: 'No NetworkPolicy among the files checked covers a workload',
    passTitle: 'A NetworkPolicy among the files checked covers every workload',
    why:
      'Kubernetes lets every pod talk to every other pod by default. An attacker who compromises one pod can then ' +
      'reach databases, internal admin endpoints and the pods of other teams directly, which turns one bug into ' +
      'lateral movement across the cluster. A default-deny NetworkPolicy per namespace, plus narrow allow rules, ' +
      'keeps a compromise where it started.',
    fix:
      'Add a default-deny policy to the namespace (`kind: NetworkPolicy`, `spec.podSelector: {}`, ' +
      '`policyTypes: [Ingress, Egress]`, no rules), then policies that allow only the flows each workload needs.',
    item: 'k8s.network-policy',
    references: [],
  },
  check(model, context) {
    const policies = context.run?.networkPolicies ?? model.objects.filter((object) => object.kind === 'NetworkPolicy');
    return model.podSpecs.flatMap((pod) => {
      const labels = asRecord(pod.metadata.labels);
      const covered = policies.some((policy) =>
        sameNamespace(policy, pod.object) && selectorMatches(asRecord(policy.value.spec).podSelector, labels));
      if (covered) return [];
      return [hitAt(pod.object, pod.object.path,
        `no NetworkPolicy in ${context.run ? 'the files checked' : 'this file'} selects the pods of ${describeObject(pod.object)} (the cluster may hold one this check cannot see)`)];
    });
  },
};
