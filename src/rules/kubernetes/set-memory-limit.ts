/**
 * Every container (and init container) needs `resources.limits.memory`. Ephemeral containers
 * cannot declare resources, so they are left out.
 */
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const setMemoryLimit: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/set-memory-limit',
    severity: 'warning',
    title: 'A container has no memory limit',
    passTitle: 'Every container has a memory limit',
    why:
      'Without a memory limit, one container can take all the memory of its node: a leak, a crafted request that ' +
      'makes the app buffer too much, or an attacker running their own workload in it. The kernel then kills ' +
      'processes across the node, including other teams\' pods. A limit keeps the damage inside the one container ' +
      'that misbehaves.',
    fix: 'Add `resources.limits.memory` (e.g. `256Mi`) and a matching `resources.requests.memory` to every container and init container.',
    item: 'k8s.resources',
    references: ['kube-linter:unset-memory-requirements'],
  },
  check(model) {
    return everyContainer(model, ['containers', 'initContainers']).flatMap(({ pod, container }) => {
      const resources = asRecord(container.spec.resources);
      if (asRecord(resources.limits).memory !== undefined) return [];
      return [hitAt(pod.object, resources.limits === undefined ? container.path : [...container.path, 'resources', 'limits'],
        `${describeContainer(pod, container)} has no resources.limits.memory`)];
    });
  },
};
