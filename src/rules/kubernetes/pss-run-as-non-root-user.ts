/** Pod Security restricted, "Running as Non-root user": `runAsUser` must not be 0, on the pod or any container. */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { hitAt, integerValue } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const pssRunAsNonRootUser: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-run-as-non-root-user',
    severity: 'error',
    title: 'Pod Security restricted: runs as uid 0',
    passTitle: 'Pod Security restricted: does not run as uid 0',
    why:
      'runAsUser: 0 asks for root explicitly. Whoever gets code execution in that container is uid 0 on the node\'s ' +
      'kernel, owns every file in the container and starts any escape attempt from the strongest position. The ' +
      'restricted standard refuses uid 0 at the pod and at the container level.',
    fix: 'Set `runAsUser` to a non-zero uid such as 10001, or remove it and rely on a non-root USER in the image together with `runAsNonRoot: true`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return securityContextSites(model)
      .filter((site) => integerValue(site.context.runAsUser) === 0)
      .map((site) => hitAt(site.pod.object, [...site.path, 'runAsUser'], podSecurityMessage('restricted', `${site.owner} sets runAsUser: 0`)));
  },
};
