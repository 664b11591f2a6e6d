/** No container may run `privileged: true`: that switches off nearly every isolation layer at once. */
import { containerSecurityContext, describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const noPrivileged: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-privileged',
    severity: 'error',
    title: 'A container runs privileged',
    passTitle: 'No container runs privileged',
    why:
      'A privileged container gets every capability, every device of the node, and no seccomp or AppArmor ' +
      'confinement. An attacker inside it can mount the node\'s disk, load kernel modules or write to /sys, which ' +
      'is a short and well-documented walk to root on the node and from there to every pod scheduled on it.',
    fix: 'Remove `securityContext.privileged: true`; grant the one capability the workload really needs with `capabilities.add` instead.',
    item: 'k8s.security-context',
    references: ['kube-linter:privileged-container', 'trivy:KSV017', 'pss:baseline'],
  },
  check(model) {
    return everyContainer(model)
      .filter(({ container }) => containerSecurityContext(container).privileged === true)
      .map(({ pod, container }) =>
        hitAt(pod.object, [...container.path, 'securityContext', 'privileged'], `${describeContainer(pod, container)} runs privileged`));
  },
};
