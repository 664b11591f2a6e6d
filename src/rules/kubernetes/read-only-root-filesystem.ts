/** Every container should run with `readOnlyRootFilesystem: true` and write only to volumes. */
import { containerSecurityContext, describeContainer, linuxContainers, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

export const readOnlyRootFilesystem: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/read-only-root-filesystem',
    severity: 'warning',
    title: 'A container\'s root filesystem is writable',
    passTitle: "Every container's root filesystem is read-only",
    why:
      'A writable root filesystem lets an attacker who got code execution drop tools, rewrite the app\'s own code or ' +
      'configuration, and plant something that survives until the pod is replaced. With a read-only root, the ' +
      'image stays what you built and scanned, and the only writable places are the volumes you chose on purpose.',
    fix:
      'Set `securityContext.readOnlyRootFilesystem: true` on the container and mount an `emptyDir` volume at each ' +
      'path the app must write (for example `/tmp`).',
    item: 'k8s.security-context',
    references: ['kube-linter:no-read-only-root-fs', 'trivy:KSV014'],
  },
  check(model) {
    // Windows pods may not set this field at all (see linuxContainers).
    return linuxContainers(model).flatMap(({ pod, container }) => {
      const setting = containerSecurityContext(container).readOnlyRootFilesystem;
      if (setting === true) return [];
      const who = describeContainer(pod, container);
      return setting === undefined
        ? [hitAt(pod.object, container.path, `${who} does not set readOnlyRootFilesystem: true`)]
        : [hitAt(pod.object, [...container.path, 'securityContext', 'readOnlyRootFilesystem'],
          `${who} sets readOnlyRootFilesystem: ${String(setting)}`)];
    });
  },
};
