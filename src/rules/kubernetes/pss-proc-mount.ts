/** Pod Security baseline, "/proc Mount Type": `procMount` must be unset or `Default` on every container. */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const pssProcMount: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-proc-mount',
    severity: 'error',
    title: 'Pod Security baseline: unmasked /proc',
    passTitle: 'Pod Security baseline: /proc stays masked',
    why:
      'The runtime masks and makes read-only the parts of /proc that expose the node\'s kernel: /proc/kcore, ' +
      '/proc/sysrq-trigger, /proc/sys and others. `procMount: Unmasked` removes that protection, handing an attacker ' +
      'in the container kernel memory views and switches that can crash or reconfigure the node.',
    fix: 'Remove `securityContext.procMount` or set it to `Default`.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) => {
      const procMount = containerSecurityContext(container).procMount;
      if (procMount === undefined || procMount === null || procMount === 'Default') return [];
      return [hitAt(pod.object, [...container.path, 'securityContext', 'procMount'],
        podSecurityMessage('baseline', `${describeContainer(pod, container)} sets procMount: ${String(procMount)}`))];
    });
  },
};
