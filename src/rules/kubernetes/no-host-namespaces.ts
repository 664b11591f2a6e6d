/** No pod may share the node's network, process or IPC namespace (`hostNetwork`, `hostPID`, `hostIPC`). */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesRule } from '../types.js';

const namespaceFields = {
  hostNetwork: 'the node\'s network stack, so it can bind node ports and reach services listening on the node\'s loopback',
  hostPID: 'the node\'s process table, so it can see, signal and inspect every process on the node',
  hostIPC: 'the node\'s IPC namespace, so it can read shared memory of processes outside the pod',
} as const;

export const noHostNamespaces: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-host-namespaces',
    severity: 'error',
    title: 'A pod shares a namespace with the node',
    passTitle: 'No pod shares a namespace with the node',
    why:
      'Namespaces are what make a container see only itself. With hostPID an attacker lists and ptraces the node\'s ' +
      'processes and reads their environment and open files; with hostNetwork they reach the kubelet and anything ' +
      'bound to the node\'s localhost, and sniff or spoof its traffic; with hostIPC they read shared memory. Each one ' +
      'turns a compromised pod into a window on the whole node.',
    fix: 'Remove `hostNetwork: true`, `hostPID: true` and `hostIPC: true` from the pod spec (or set them to false); expose ports through a Service.',
    item: 'runtime.no-docker-socket',
    references: ['kube-linter:host-network', 'kube-linter:host-pid', 'kube-linter:host-ipc', 'pss:baseline'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) =>
      Object.entries(namespaceFields)
        .filter(([field]) => pod.spec[field] === true)
        .map(([field, shares]) => hitAt(pod.object, [...pod.path, field], `${describeObject(pod.object)} sets ${field}: true and shares ${shares}`)),
    );
  },
};
