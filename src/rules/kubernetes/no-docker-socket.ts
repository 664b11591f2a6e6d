/** No pod may mount a container runtime's socket (Docker, containerd, CRI-O, Podman) from the node. */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { hostPathVolumes } from '../../analysis/kubernetesVolumes.js';
import type { KubernetesRule } from '../types.js';

export const noDockerSocket: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-docker-socket',
    severity: 'error',
    title: 'A pod mounts the container runtime\'s socket',
    passTitle: "No pod mounts the container runtime's socket",
    why:
      'The container runtime\'s socket is an API that starts containers as root on the node. Anyone who can write ' +
      'to it, including an attacker who compromised the app holding the mount, can start a privileged container ' +
      'with the node\'s filesystem mounted and own the node, its kubelet credentials and every pod running there. ' +
      'Mounting it is handing out root on the node with extra steps.',
    fix:
      'Remove the `hostPath` volume and its `volumeMount`. Build images with a daemonless builder (BuildKit rootless, ' +
      'kaniko) and read container metadata through the Kubernetes API instead.',
    item: 'runtime.no-docker-socket',
    references: ['kube-linter:docker-sock', 'pss:baseline'],
  },
  check(model) {
    return hostPathVolumes(model)
      .filter((volume) => volume.risk.kind === 'runtime-socket')
      .map((volume) => hitAt(volume.pod.object, volume.path,
        `volume "${volume.volumeName}" of ${describeObject(volume.pod.object)} mounts the container runtime socket ${volume.risk.path} from the node`));
  },
};
