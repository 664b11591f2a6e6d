/**
 * Pod Security baseline, "Seccomp": the seccomp profile must not be explicitly `Unconfined`, on
 * the pod or on any container. Leaving it unset is allowed at this level (restricted requires it).
 */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

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
  check(model) {
    return securityContextSites(model)
      .filter((site) => asRecord(site.context.seccompProfile).type === 'Unconfined')
      .map((site) => hitAt(site.pod.object, [...site.path, 'seccompProfile', 'type'],
        podSecurityMessage('baseline', `${site.owner} sets seccompProfile.type Unconfined`)));
  },
};
