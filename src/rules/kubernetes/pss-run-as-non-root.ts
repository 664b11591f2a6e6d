/**
 * Pod Security restricted, "Running as Non-root": `runAsNonRoot` must be true on the pod or on
 * every container, and must not be set to false anywhere. A non-zero `runAsUser` does not
 * count here: the standard asks for the flag itself.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, describeObject, hitAt, podSecurityContext } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule, RuleHit } from '../types.js';

export const pssRunAsNonRoot: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-run-as-non-root',
    severity: 'error',
    title: 'Pod Security restricted: not required to run as non-root',
    passTitle: 'Pod Security restricted: required to run as non-root',
    why:
      'runAsNonRoot: true makes the kubelet refuse to start a container whose user would be root, whatever the ' +
      'image says. Without it, a base image update or a forgotten USER line silently turns the workload back into ' +
      'root, and an attacker gets uid 0 on the node\'s kernel for free. The restricted standard requires the flag.',
    fix: 'Set `securityContext.runAsNonRoot: true` on the pod spec (or on every container), and remove any `runAsNonRoot: false`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) => {
      const hits: RuleHit[] = [];
      const podSetting = podSecurityContext(pod).runAsNonRoot;
      if (podSetting === false) {
        hits.push(hitAt(pod.object, [...pod.path, 'securityContext', 'runAsNonRoot'],
          podSecurityMessage('restricted', `${describeObject(pod.object)} sets runAsNonRoot: false`)));
      }
      for (const container of pod.containers) {
        const setting = containerSecurityContext(container).runAsNonRoot;
        if (setting === true || (setting === undefined && podSetting === true)) continue;
        const who = describeContainer(pod, container);
        hits.push(setting === undefined
          ? hitAt(pod.object, container.path, podSecurityMessage('restricted', `${who} must set runAsNonRoot: true (or the pod must)`))
          : hitAt(pod.object, [...container.path, 'securityContext', 'runAsNonRoot'],
            podSecurityMessage('restricted', `${who} sets runAsNonRoot: ${String(setting)}`)));
      }
      return hits;
    });
  },
};
