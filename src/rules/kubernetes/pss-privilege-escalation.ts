/**
 * Pod Security restricted, "Privilege Escalation": every container must set
 * `allowPrivilegeEscalation: false`. Linux only: pods with `spec.os.name: windows` are exempt.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, everyContainer, hitAt, isWindowsPod } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const pssPrivilegeEscalation: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-privilege-escalation',
    severity: 'error',
    title: 'Pod Security restricted: privilege escalation allowed',
    passTitle: 'Pod Security restricted: privilege escalation is not allowed',
    why:
      'Unless allowPrivilegeEscalation is false, a process in the container can gain more privileges than it ' +
      'started with, through setuid binaries or file capabilities. The restricted standard requires every ' +
      'container to close that door explicitly, because an unset value means it stays open.',
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return everyContainer(model)
      .filter(({ pod, container }) => !isWindowsPod(pod) && containerSecurityContext(container).allowPrivilegeEscalation !== false)
      .map(({ pod, container }) => {
        const explicit = containerSecurityContext(container).allowPrivilegeEscalation !== undefined;
        return hitAt(pod.object, explicit ? [...container.path, 'securityContext', 'allowPrivilegeEscalation'] : container.path,
          podSecurityMessage('restricted', `${describeContainer(pod, container)} must set allowPrivilegeEscalation: false`));
      });
  },
};
