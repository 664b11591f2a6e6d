/**
 * No pod may mount a sensitive node directory (`/`, `/etc`, `/proc`, `/var/run`,
 * `/var/lib/kubelet`...). Runtime sockets have their own rule; other hostPaths are a warning.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { hostPathVolumes } from '../../analysis/kubernetesVolumes.js';
import type { KubernetesRule } from '../types.js';

export const noSensitiveHostPath: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-sensitive-host-path',
    severity: 'error',
    title: 'A pod mounts a sensitive directory of the node',
    passTitle: 'No pod mounts a sensitive directory of the node',
    why:
      'Mounting the node\'s root, /etc, /proc, /var/run or the kubelet\'s directory puts the node\'s credentials, ' +
      'configuration and other pods\' secrets inside the container. An attacker who gets code execution in the pod ' +
      'can read the kubelet\'s certificates, add a user or a cron job to the node, or reach the runtime socket, ' +
      'and the container boundary stops meaning anything.',
    fix:
      'Remove the `hostPath` volume. Deliver configuration with a `configMap` or `secret` volume, scratch space with ' +
      '`emptyDir`, and node data through a purpose-built agent rather than a raw mount.',
    item: 'runtime.no-docker-socket',
    references: ['kube-linter:sensitive-host-mounts', 'pss:baseline'],
  },
  check(model) {
    return hostPathVolumes(model).flatMap((volume) =>
      volume.risk.kind === 'sensitive' || (volume.risk.kind === 'system' && !volume.readOnly)
        ? [hitAt(volume.pod.object, volume.path,
          `volume "${volume.volumeName}" of ${describeObject(volume.pod.object)} mounts ${volume.risk.path} from the node${volume.risk.kind === 'system' ? ' writable' : ''}: ${volume.risk.reason}`)]
        : [],
    );
  },
};
