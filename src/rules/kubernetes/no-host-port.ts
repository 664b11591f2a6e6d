/** No container should publish a `hostPort`: it opens a port on the node itself, outside any Service. */
import { describeContainer, everyContainer, hitAt, integerValue } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const noHostPort: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-host-port',
    severity: 'warning',
    title: 'A container opens a port on the node',
    passTitle: 'No container opens a port on the node',
    why:
      'A hostPort binds the container to a port of the node\'s own address, bypassing the Service and usually any ' +
      'NetworkPolicy-aware load balancer in front of it. It exposes the app to whatever can reach the node, makes ' +
      'the port an easy target for scans, and quietly limits the workload to one pod per node.',
    fix: 'Remove `hostPort` from `ports`; keep `containerPort` and expose the app through a `Service` (ClusterIP, or an Ingress for outside traffic).',
    item: 'network.ports',
    references: ['pss:baseline'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) =>
      asArray(container.spec.ports).flatMap((port, index) => {
        const hostPort = asRecord(port).hostPort;
        if (hostPort === undefined || integerValue(hostPort) === 0) return [];
        return [hitAt(pod.object, [...container.path, 'ports', index, 'hostPort'],
          `${describeContainer(pod, container)} opens hostPort ${String(hostPort)} on the node`)];
      }),
    );
  },
};
