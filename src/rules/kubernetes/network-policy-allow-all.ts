/**
 * A NetworkPolicy rule with no peers and no ports (`ingress: [{}]`, `egress: [{}]`) allows all
 * traffic in that direction, as does a peer that selects every namespace (`namespaceSelector:
 * {}` alone) or every address (`ipBlock: 0.0.0.0/0`): each cancels the isolation the policy
 * seems to provide.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const networkPolicyAllowAll: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/network-policy-allow-all',
    severity: 'warning',
    title: 'A NetworkPolicy allows all traffic in one direction',
    passTitle: 'No NetworkPolicy allows all traffic in one direction',
    why:
      'An ingress rule without `from` and without `ports` matches every source on every port. The selected pods ' +
      'look protected because a policy exists, yet any compromised pod in the cluster, in any namespace, can still ' +
      'reach them; reviewers and scanners that only count policies are misled too.',
    fix: 'Replace the empty rule with `from` entries naming the allowed clients (`podSelector`, `namespaceSelector`) and the `ports` they use; or delete it to deny ingress.',
    item: 'k8s.network-policy',
    references: [],
  },
  check(model) {
    const directions = [
      { key: 'ingress', peers: 'from', words: 'from everywhere' },
      { key: 'egress', peers: 'to', words: 'to everywhere' },
    ] as const;
    return model.objects
      .filter((object) => object.kind === 'NetworkPolicy')
      .flatMap((policy) =>
        directions.flatMap(({ key, peers, words }) =>
          asArray(asRecord(policy.value.spec)[key]).flatMap((rule, index) => {
            const spec = asRecord(rule);
            const rulePath = [...policy.path, 'spec', key, index];
            const peerList = asArray(spec[peers]);
            if (peerList.length === 0 && asArray(spec.ports).length === 0) {
              return [hitAt(policy, rulePath, `${describeObject(policy)} has an ${key} rule that allows all traffic ${words}`)];
            }
            // A wide peer limited to some ports (DNS to every namespace on 53) is a deliberate hole.
            if (asArray(spec.ports).length > 0) return [];
            return peerList.flatMap((peer, peerIndex) => {
              const why = openPeer(asRecord(peer));
              return why ? [hitAt(policy, [...rulePath, peers, peerIndex], `${describeObject(policy)} has an ${key} peer that ${why}`)] : [];
            });
          }),
        ),
      );
  },
};

/** Why a peer lets everything through, or undefined for a peer that really narrows. */
function openPeer(peer: Record<string, unknown>): string | undefined {
  const namespaceSelector = peer.namespaceSelector;
  const selectsAllNamespaces = namespaceSelector !== undefined && Object.keys(asRecord(namespaceSelector)).length === 0;
  if (selectsAllNamespaces && peer.podSelector === undefined) return 'selects every pod in every namespace (`namespaceSelector: {}`)';
  const cidr = asRecord(peer.ipBlock).cidr;
  if (cidr === '0.0.0.0/0' || cidr === '::/0') return `allows every address (\`ipBlock: ${String(cidr)}\`)`;
  return undefined;
}
