/**
 * Pod Security restricted, "Seccomp": every container must end up with `RuntimeDefault` or
 * `Localhost`, set on the pod or on the container; a container may not override a good pod-level
 * profile with a bad one. Linux only: pods with `spec.os.name: windows` are exempt. Replaces the
 * baseline seccomp control in the restricted profile.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, describeObject, hitAt, isWindowsPod, podSecurityContext } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule, RuleHit } from '../types.js';

const allowed = (type: unknown): boolean => type === 'RuntimeDefault' || type === 'Localhost';

export const pssRestrictedSeccomp: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-restricted-seccomp',
    severity: 'error',
    title: 'Pod Security restricted: no seccomp profile',
    passTitle: 'Pod Security restricted: a seccomp profile is set',
    why:
      'The restricted standard does not trust defaults: every container must run under the runtime\'s default ' +
      'seccomp filter or a reviewed local one, so the kernel calls most used by exploits are blocked for an attacker ' +
      'who gets code execution. A missing profile is refused just like an Unconfined one.',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` on the pod spec (or on every container), and no container-level `Unconfined`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return model.podSpecs.filter((pod) => !isWindowsPod(pod)).flatMap((pod) => {
      const hits: RuleHit[] = [];
      const podProfile = podSecurityContext(pod).seccompProfile;
      const podType = asRecord(podProfile).type;
      if (podProfile !== undefined && !allowed(podType)) {
        hits.push(hitAt(pod.object, [...pod.path, 'securityContext', 'seccompProfile'],
          podSecurityMessage('restricted', `${describeObject(pod.object)} sets seccompProfile.type ${String(podType)}`)));
      }
      for (const container of pod.containers) {
        const profile = containerSecurityContext(container).seccompProfile;
        const who = describeContainer(pod, container);
        if (profile !== undefined) {
          const type = asRecord(profile).type;
          if (!allowed(type)) {
            hits.push(hitAt(pod.object, [...container.path, 'securityContext', 'seccompProfile'],
              podSecurityMessage('restricted', `${who} sets seccompProfile.type ${String(type)}`)));
          }
        } else if (!allowed(podType)) {
          hits.push(hitAt(pod.object, container.path,
            podSecurityMessage('restricted', `${who} must set seccompProfile.type to RuntimeDefault or Localhost (or the pod must)`)));
        }
      }
      return hits;
    });
  },
};
