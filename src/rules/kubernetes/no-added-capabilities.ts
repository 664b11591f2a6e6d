/**
 * A container may add back only NET_BIND_SERVICE (to bind a port below 1024). Every other
 * capability in `capabilities.add` is reported at its own list entry.
 */
import { containerSecurityContext, describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const noAddedCapabilities: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-added-capabilities',
    severity: 'error',
    title: 'A container adds capabilities beyond NET_BIND_SERVICE',
    passTitle: 'No container adds capabilities beyond NET_BIND_SERVICE',
    why:
      'Each added capability is a slice of root handed to whoever controls the process. SYS_ADMIN alone allows ' +
      'mounting filesystems and is the classic ingredient of container escapes; SYS_PTRACE lets an attacker read ' +
      'other processes\' memory; NET_ADMIN rewrites the pod\'s network. A web service needs at most NET_BIND_SERVICE, ' +
      'and not even that when it listens above port 1024.',
    fix:
      'Remove the entry from `securityContext.capabilities.add`; keep only `NET_BIND_SERVICE` if the app must bind ' +
      'a port below 1024, or better, listen on a high port such as 8080.',
    item: 'k8s.security-context',
    references: ['pss:restricted'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) => {
      const addPath = [...container.path, 'securityContext', 'capabilities', 'add'];
      return asArray(asRecord(containerSecurityContext(container).capabilities).add).flatMap((capability, index) =>
        capability === 'NET_BIND_SERVICE'
          ? []
          : [hitAt(pod.object, [...addPath, index], `${describeContainer(pod, container)} adds capability ${String(capability)}`)],
      );
    });
  },
};
