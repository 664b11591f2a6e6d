/**
 * Pod Security baseline, "AppArmor": the profile may only be the runtime's default or a
 * profile loaded on the node, in both forms: the `appArmorProfile` field (pod and container
 * level, types RuntimeDefault or Localhost) and the older per-container annotations
 * (`runtime/default` or `localhost/<name>`).
 */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const annotationPrefix = 'container.apparmor.security.beta.kubernetes.io/';

export const pssApparmor: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-apparmor',
    severity: 'error',
    title: 'Pod Security baseline: AppArmor profile overridden',
    passTitle: 'Pod Security baseline: AppArmor profile kept',
    why:
      'AppArmor confines what files, mounts and kernel features a container may touch. Setting the profile to ' +
      'Unconfined (or to anything other than the runtime default or a profile installed on the node) removes that ' +
      'layer, so an attacker in the container meets one fewer wall on the way to the node.',
    fix: 'Remove the override, or set `securityContext.appArmorProfile.type: RuntimeDefault` (or `Localhost` with `localhostProfile`); for the annotation form use `runtime/default` or `localhost/<profile>`.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    const fieldHits = securityContextSites(model).flatMap((site) => {
      const profile = asRecord(site.context.appArmorProfile);
      if (profile.type === undefined || profile.type === 'RuntimeDefault' || profile.type === 'Localhost') return [];
      return [hitAt(site.pod.object, [...site.path, 'appArmorProfile', 'type'],
        podSecurityMessage('baseline', `${site.owner} sets appArmorProfile.type ${String(profile.type)}`))];
    });
    const annotationHits = model.podSpecs.flatMap((pod) =>
      Object.entries(asRecord(pod.metadata.annotations))
        .filter(([key]) => key.startsWith(annotationPrefix))
        .filter(([, value]) => !(value === '' || value === 'runtime/default' || (typeof value === 'string' && value.startsWith('localhost/'))))
        .map(([key, value]) => hitAt(pod.object, [...pod.metadataPath, 'annotations', key],
          podSecurityMessage('baseline', `${describeObject(pod.object)} sets AppArmor annotation ${key} to ${String(value)}`))),
    );
    return [...fieldHits, ...annotationHits];
  },
};
