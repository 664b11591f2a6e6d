/** Pod Security baseline, "Privileged Containers": `privileged` must be unset or false on every container. */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const pssPrivileged: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-privileged',
    severity: 'error',
    title: 'Pod Security baseline: privileged container',
    passTitle: 'Pod Security baseline: no privileged container',
    why:
      'A privileged container has every capability and every device of the node and no seccomp or AppArmor ' +
      'confinement; for an attacker inside it, escaping to the node is a matter of mounting its disk. The baseline ' +
      'standard therefore forbids privileged mode in every kind of container, init and ephemeral ones included.',
    fix: 'Remove `securityContext.privileged: true` (or set it to false) on every container.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return everyContainer(model)
      .filter(({ container }) => containerSecurityContext(container).privileged === true)
      .map(({ pod, container }) => hitAt(pod.object, [...container.path, 'securityContext', 'privileged'],
        podSecurityMessage('baseline', `${describeContainer(pod, container)} sets privileged: true`)));
  },
};
