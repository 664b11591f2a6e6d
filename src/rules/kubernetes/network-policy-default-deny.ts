/**
 * Each namespace with workloads in the file should start from a default-deny NetworkPolicy: one
 * that selects every pod (`podSelector: {}`), names both `Ingress` and `Egress` in policyTypes
 * and allows nothing. Without Egress in it, every pod may still call out anywhere, which is how
 * a compromised pod reaches the cache, the metadata service or an attacker's server.
 * Run-scoped, like network-policy-present: the policy may sit in any file of the same lint run
 * (or in the workload's own file when it is checked alone). Only info: the cluster may hold it.
 */
import { sameNamespace } from '../../analysis/kubernetesNamespaces.js';
import { describeObject, hitAt, stringList } from '../../analysis/kubernetesWalk.js';
import type { KubernetesObject } from '../../parse/kubernetes.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule, RuleHit } from '../types.js';

export const networkPolicyDefaultDeny: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/network-policy-default-deny',
    severity: 'info',
    title: 'A namespace does not start from a default-deny NetworkPolicy for Ingress and Egress',
    passTitle: 'Every namespace starts from a default-deny NetworkPolicy for Ingress and Egress',
    why:
      'Allow rules only narrow traffic for the pods they select, and only in the directions they name. A namespace ' +
      'without a policy that denies everything, both ways, leaves every other pod open, and every pod free to call ' +
      'out: a compromised pod then reaches databases, the cloud metadata service and the attacker\'s own server.',
    fix: 'Add `kind: NetworkPolicy` with `spec.podSelector: {}`, `policyTypes: [Ingress, Egress]` and no ingress or egress rules, then allow the flows each workload needs in policies of their own.',
    item: 'k8s.network-policy',
    references: [],
  },
  check(model, context) {
    const policies = context.run?.networkPolicies ?? model.objects.filter((object) => object.kind === 'NetworkPolicy');
    const ownObjects = new Set(model.objects);
    const hits: RuleHit[] = [];
    const judged = new Set<KubernetesObject>();
    for (const pod of model.podSpecs) {
      const inNamespace = policies.filter((policy) => sameNamespace(policy, pod.object));
      const denyAll = inNamespace.filter(selectsEveryPodAndAllowsNothing);
      if (denyAll.some((policy) => missingTypes(policy).length === 0)) continue;
      const partial = denyAll[0];
      if (partial) {
        // Told once per file: at the policy when it is in this file, else at the first workload it leaves open.
        if (judged.has(partial)) continue;
        judged.add(partial);
        const missing = missingTypes(partial).join(' and ');
        hits.push(
          ownObjects.has(partial)
            ? hitAt(partial, [...partial.path, 'spec', 'policyTypes'], `${describeObject(partial)} denies by default, but not ${missing}: add it to policyTypes`)
            : hitAt(pod.object, pod.object.path, `${describeObject(partial)}, in another file of this run, denies by default in the namespace of ${describeObject(pod.object)}, but not ${missing}: add it to its policyTypes`),
        );
        continue;
      }
      hits.push(hitAt(pod.object, pod.object.path, `no default-deny NetworkPolicy in ${context.run ? 'the files checked' : 'this file'} covers the namespace of ${describeObject(pod.object)} (podSelector: {}, policyTypes: [Ingress, Egress], no rules)`));
    }
    return hits;
  },
};

function selectsEveryPodAndAllowsNothing(policy: KubernetesObject): boolean {
  const spec = asRecord(policy.value.spec);
  const selector = asRecord(spec.podSelector);
  const selectsAll = Object.keys(asRecord(selector.matchLabels)).length === 0 && (!Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0);
  const empty = (rules: unknown) => rules === undefined || rules === null || (Array.isArray(rules) && rules.length === 0);
  return selectsAll && empty(spec.ingress) && empty(spec.egress);
}

/** The directions a policy does not restrict. Without policyTypes, Kubernetes assumes Ingress (plus Egress only when egress rules exist). */
function missingTypes(policy: KubernetesObject): string[] {
  const spec = asRecord(policy.value.spec);
  const types = spec.policyTypes === undefined ? ['Ingress'] : stringList(spec.policyTypes);
  return ['Ingress', 'Egress'].filter((type) => !types.includes(type));
}
