/**
 * `allowPrivilegeEscalation` must be explicitly false on every container. Unset means true: the
 * kernel's no_new_privs flag stays off and setuid binaries still work.
 */
import { containerSecurityContext, describeContainer, linuxContainers, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const noPrivilegeEscalation: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-privilege-escalation',
    severity: 'error',
    title: 'A container may gain privileges after it starts',
    passTitle: 'No container may gain privileges after it starts',
    why:
      'Unless `allowPrivilegeEscalation` is false, the container runs without the kernel\'s no_new_privs flag: a ' +
      'setuid binary such as su or a vulnerable helper left in the image can turn the attacker\'s unprivileged foothold ' +
      'into root inside the container, and file capabilities can grant more than the container was given. Leaving the ' +
      'field out does not help, because Kubernetes treats an absent value as true.',
    fix: 'Set `securityContext.allowPrivilegeEscalation: false` on every container, init container and ephemeral container.',
    item: 'k8s.security-context',
    references: ['kube-linter:privilege-escalation-container', 'trivy:KSV001', 'pss:restricted'],
  },
  check(model) {
    // Windows pods may not set this field at all (see linuxContainers).
    return linuxContainers(model).flatMap(({ pod, container }) => {
      const setting = containerSecurityContext(container).allowPrivilegeEscalation;
      if (setting === false) return [];
      const who = describeContainer(pod, container);
      if (setting === undefined) {
        return [hitAt(pod.object, container.path, `${who} does not set allowPrivilegeEscalation: false, and unset means true`)];
      }
      return [hitAt(pod.object, [...container.path, 'securityContext', 'allowPrivilegeEscalation'],
        `${who} sets allowPrivilegeEscalation: ${String(setting)}; it must be false`)];
    });
  },
};
