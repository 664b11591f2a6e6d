/**
 * Pod Security baseline, "Seccomp": the seccomp profile must not be explicitly `Unconfined`, on
 * the pod or on any container. Leaving it unset is allowed at this level (restricted requires it).
 */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import { atLeast } from '../../analysis/podSecurityVersions.js';
import type { KubernetesRule, RuleHit } from '../types.js';

export const pssBaselineSeccomp: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-baseline-seccomp',
    severity: 'error',
    title: 'Pod Security baseline: seccomp explicitly Unconfined',
    passTitle: 'Pod Security baseline: seccomp is not Unconfined',
    why:
      'An Unconfined seccomp profile opens the entire system call interface of the node\'s kernel to the ' +
      'container, including the rarely used calls that kernel exploits depend on. The baseline standard refuses a ' +
      'pod that switches seccomp off on purpose.',
    fix: 'Set `securityContext.seccompProfile.type: RuntimeDefault` (or `Localhost`) instead of `Unconfined`.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model, context) {
    // Before 1.19 seccomp was set by annotations, and that is what admission pinned there reads.
    if (!atLeast(context.podSecurity?.version, 19)) return annotationHits(model);
    return securityContextSites(model)
      .filter((site) => asRecord(site.context.seccompProfile).type === 'Unconfined')
      .map((site) => hitAt(site.pod.object, [...site.path, 'seccompProfile', 'type'],
        podSecurityMessage('baseline', `${site.owner} sets seccompProfile.type Unconfined`)));
  },
};

const allowedAnnotation = (value: unknown): boolean =>
  value === '' || value === 'runtime/default' || value === 'docker/default' || (typeof value === 'string' && value.startsWith('localhost/'));

function annotationHits(model: Parameters<typeof pssBaselineSeccomp.check>[0]): RuleHit[] {
  return model.podSpecs.flatMap((pod) =>
    Object.entries(asRecord(pod.metadata.annotations))
      .filter(([key]) => key === 'seccomp.security.alpha.kubernetes.io/pod' || key.startsWith('container.seccomp.security.alpha.kubernetes.io/'))
      .filter(([, value]) => !allowedAnnotation(value))
      .map(([key, value]) => hitAt(pod.object, [...pod.metadataPath, 'annotations', key],
        podSecurityMessage('baseline', `${describeObject(pod.object)} sets seccomp annotation ${key} to ${String(value)}`))));
}
