/**
 * Pod Security baseline, "HostProcess": Windows HostProcess containers run directly on the node
 * with its administrator's rights; `windowsOptions.hostProcess` must be unset or false on the pod
 * and on every container.
 */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const pssHostProcess: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-host-process',
    severity: 'error',
    title: 'Pod Security baseline: HostProcess container',
    passTitle: 'Pod Security baseline: no HostProcess container',
    why:
      'A Windows HostProcess container is not isolated at all: it runs as a process of the node with access to the ' +
      'node\'s filesystem, network and administrator accounts. Anyone who compromises it controls the Windows node, ' +
      'which is why the baseline standard forbids it outright.',
    fix: 'Remove `securityContext.windowsOptions.hostProcess: true` from the pod and its containers (and `hostNetwork: true` that comes with it).',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return securityContextSites(model)
      .filter((site) => asRecord(site.context.windowsOptions).hostProcess === true)
      .map((site) => hitAt(site.pod.object, [...site.path, 'windowsOptions', 'hostProcess'],
        podSecurityMessage('baseline', `${site.owner} sets windowsOptions.hostProcess: true`)));
  },
};
