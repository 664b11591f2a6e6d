/** Pod Security baseline, "Host Namespaces": `hostNetwork`, `hostPID` and `hostIPC` must be unset or false. */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

const fields = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

export const pssHostNamespaces: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-host-namespaces',
    severity: 'error',
    title: 'Pod Security baseline: host namespaces',
    passTitle: 'Pod Security baseline: no host namespaces',
    why:
      'Sharing the node\'s network, process or IPC namespace removes the isolation that makes a pod a separate ' +
      'world: an attacker in such a pod sees and signals the node\'s processes, reaches services bound to the node\'s ' +
      'localhost, or reads shared memory of other workloads. The baseline standard refuses all three.',
    fix: 'Remove `hostNetwork`, `hostPID` and `hostIPC` from the pod spec, or set them to false.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) =>
      fields
        .filter((field) => pod.spec[field] === true)
        .map((field) => hitAt(pod.object, [...pod.path, field], podSecurityMessage('baseline', `${describeObject(pod.object)} sets ${field}: true`))),
    );
  },
};
