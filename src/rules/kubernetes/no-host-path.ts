/**
 * Any other `hostPath` volume is still a hole in the pod's isolation: a warning, so that log
 * collectors and node agents can justify theirs with a suppression and a reason.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { hostPathVolumes } from '../../analysis/kubernetesVolumes.js';
import type { KubernetesRule } from '../types.js';

export const noHostPath: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-host-path',
    severity: 'warning',
    title: 'A pod mounts a directory of the node',
    passTitle: 'No pod mounts a directory of the node',
    why:
      'A hostPath volume ties the pod to one node and shares that node\'s files with whoever runs code in the ' +
      'container. If it is writable, an attacker can leave files for the node or for the next pod scheduled there; ' +
      'if a symlink or a later change widens it, they read what they should not. Ordinary applications never need ' +
      'one, and Pod Security baseline forbids it.',
    fix: 'Replace the `hostPath` volume with `emptyDir`, a `persistentVolumeClaim`, or a `configMap`/`secret` volume; if a node agent truly needs it, mount it `readOnly: true`.',
    item: 'runtime.no-docker-socket',
    references: ['pss:baseline'],
  },
  check(model) {
    return hostPathVolumes(model).flatMap((volume) =>
      volume.risk.kind === 'other' || (volume.risk.kind === 'system' && volume.readOnly)
        ? [{
          ...hitAt(volume.pod.object, volume.path,
            `volume "${volume.volumeName}" of ${describeObject(volume.pod.object)} mounts ${volume.risk.path} from the node${volume.readOnly ? ' read-only' : ''}`),
          // Reading a system tree is how node agents work; it still breaks isolation, so a note remains.
          ...(volume.risk.kind === 'system' ? { severity: 'info' as const } : {}),
        }]
        : [],
    );
  },
};
