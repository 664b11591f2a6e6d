/**
 * Every container should say how much CPU it needs. Only info: CPU is throttled rather than
 * exhausted, so a missing figure hurts fairness and scheduling more than safety. A CPU limit
 * alone counts, because Kubernetes then defaults the request to the limit.
 */
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const setCpuRequest: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/set-cpu-request',
    severity: 'info',
    title: 'A container does not state its CPU needs',
    passTitle: 'Every container states its CPU needs',
    why:
      'A container with neither a CPU request nor a CPU limit is scheduled as if it needed nothing and may still ' +
      'use every core of its node. A cryptominer dropped into it, or a busy loop triggered by a crafted request, ' +
      'then slows every neighbour on the node. CPU is throttled rather than exhausted, which is why this is advice ' +
      'rather than an error.',
    fix: 'Add `resources.requests.cpu` (e.g. `100m`) and, where the workload allows it, `resources.limits.cpu`.',
    item: 'k8s.resources',
    references: ['kube-linter:unset-cpu-requirements'],
  },
  check(model) {
    return everyContainer(model, ['containers', 'initContainers']).flatMap(({ pod, container }) => {
      const resources = asRecord(container.spec.resources);
      if (asRecord(resources.requests).cpu !== undefined || asRecord(resources.limits).cpu !== undefined) return [];
      return [hitAt(pod.object, resources.requests === undefined ? container.path : [...container.path, 'resources', 'requests'],
        `${describeContainer(pod, container)} has neither resources.requests.cpu nor resources.limits.cpu`)];
    });
  },
};
