/** Pod Security baseline, "Host Ports": `hostPort` must be unset or 0 on every port of every container. */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeContainer, everyContainer, hitAt, integerValue } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const pssHostPorts: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-host-ports',
    severity: 'error',
    title: 'Pod Security baseline: host port',
    passTitle: 'Pod Security baseline: no host port',
    why:
      'A hostPort opens a port on the node\'s own address, outside the Service and the network paths the cluster ' +
      'controls, and exposes the container to anything that can reach the node. The baseline standard disallows ' +
      'host ports by default.',
    fix: 'Remove `hostPort` from the container\'s `ports` and expose the app through a Service.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) =>
      asArray(container.spec.ports).flatMap((port, index) => {
        const hostPort = asRecord(port).hostPort;
        if (hostPort === undefined || hostPort === null || integerValue(hostPort) === 0) return [];
        return [hitAt(pod.object, [...container.path, 'ports', index, 'hostPort'],
          podSecurityMessage('baseline', `${describeContainer(pod, container)} sets hostPort ${String(hostPort)}`))];
      }),
    );
  },
};
