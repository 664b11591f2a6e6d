/**
 * Pod Security restricted, "Volume Types": a volume may only be a configMap, csi, downwardAPI,
 * emptyDir, ephemeral, persistentVolumeClaim, projected or secret. Any other source field on a
 * volume (hostPath, nfs, iscsi, gitRepo...) is refused. This control replaces the baseline
 * hostPath one in the restricted profile.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const allowedSources = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

export const pssVolumeTypes: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-volume-types',
    severity: 'error',
    title: 'Pod Security restricted: volume type not allowed',
    passTitle: 'Pod Security restricted: only allowed volume types',
    why:
      'Volume types other than the portable ones (configMap, secret, emptyDir, projected, persistent volume claims ' +
      'and the like) reach straight into the node or into storage the cluster administrator never vetted: hostPath, ' +
      'NFS or iSCSI mounts, or gitRepo, which runs git on the node. The restricted standard keeps pods to volumes ' +
      'that go through the cluster\'s own storage and configuration objects.',
    fix: 'Use a `persistentVolumeClaim` (backed by a StorageClass) instead of an inline volume source; use `configMap`, `secret`, `projected`, `downwardAPI` or `emptyDir` for everything else.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) =>
      asArray(pod.spec.volumes).flatMap((volume, index) => {
        const spec = asRecord(volume);
        const name = typeof spec.name === 'string' ? spec.name : `volumes[${index}]`;
        return Object.keys(spec)
          .filter((key) => key !== 'name' && !allowedSources.has(key) && spec[key] !== null && spec[key] !== undefined)
          .map((key) => hitAt(pod.object, [...pod.path, 'volumes', index, key],
            podSecurityMessage('restricted', `volume "${name}" of ${describeObject(pod.object)} is of type ${key}`)));
      }),
    );
  },
};
