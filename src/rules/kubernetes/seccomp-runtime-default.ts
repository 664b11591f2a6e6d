/**
 * Every container should run under a seccomp profile: `RuntimeDefault` or a `Localhost` one, set
 * on the pod or on the container (the container's setting wins). No profile means Unconfined on
 * a kubelet without SeccompDefault, so an absent profile is reported like an explicit one.
 */
import { describeContainer, linuxContainers, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const seccompRuntimeDefault: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/seccomp-runtime-default',
    severity: 'warning',
    title: 'A container runs without a seccomp profile',
    passTitle: 'Every container runs with a seccomp profile',
    why:
      'Seccomp filters which system calls a process may make. Without it, an attacker in the container can reach ' +
      'the whole kernel interface, including rarely used calls where kernel exploits tend to live (keyctl, bpf, ' +
      'unshare, userfaultfd). Kubernetes does not apply the runtime\'s default filter unless asked, so a pod without ' +
      'a profile usually runs Unconfined while its authors believe otherwise.',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod (or `Localhost` with a reviewed profile); never `Unconfined`.',
    item: 'k8s.security-context',
    references: ['pss:restricted'],
  },
  check(model) {
    // Windows pods may not set this field at all (see linuxContainers).
    return linuxContainers(model).flatMap(({ pod, container, context }) => {
      const type = asRecord(context.values.seccompProfile).type;
      if (type === 'RuntimeDefault' || type === 'Localhost') return [];
      const who = describeContainer(pod, container);
      const source = context.sources.seccompProfile;
      if (type === undefined || source === undefined) {
        return [hitAt(pod.object, source ?? container.path,
          `${who} has no seccomp profile (pod or container level), so it most likely runs Unconfined`)];
      }
      return [hitAt(pod.object, [...source, 'type'], `${who} runs with seccomp profile ${String(type)}`)];
    });
  },
};
