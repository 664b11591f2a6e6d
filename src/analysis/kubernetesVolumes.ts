/**
 * The `hostPath` volumes of every pod spec with their risk, shared by the three hostPath rules so
 * each path is reported by exactly one of them.
 */
import type { KubernetesModel, PodSpecRef } from '../parse/kubernetes.js';
import { asArray, asRecord, type YamlPath } from '../parse/yamlSource.js';
import { classifyHostPath, type HostPathRisk } from './kubernetesHostPath.js';

export interface HostPathVolume {
  pod: PodSpecRef;
  volumeName: string;
  /** Path of the `hostPath.path` node (or of the volume when the path is missing). */
  path: YamlPath;
  risk: HostPathRisk;
  /** True when every container that mounts the volume mounts it `readOnly: true` (or none mounts it). */
  readOnly: boolean;
}

/** @example hostPathVolumes(model).filter((volume) => volume.risk.kind === 'runtime-socket') */
export function hostPathVolumes(model: KubernetesModel): HostPathVolume[] {
  return model.podSpecs.flatMap((pod) =>
    asArray(pod.spec.volumes).flatMap((volume, index) => {
      const spec = asRecord(volume);
      if (spec.hostPath === undefined) return [];
      const hostPath = asRecord(spec.hostPath).path;
      const volumePath = [...pod.path, 'volumes', index];
      return [{
        pod,
        volumeName: typeof spec.name === 'string' ? spec.name : `volumes[${index}]`,
        path: typeof hostPath === 'string' ? [...volumePath, 'hostPath', 'path'] : volumePath,
        risk: classifyHostPath(typeof hostPath === 'string' ? hostPath : '/'),
        readOnly: pod.containers.every((container) =>
          asArray(container.spec.volumeMounts).every((mount) => asRecord(mount).name !== spec.name || asRecord(mount).readOnly === true)),
      }];
    }),
  );
}
