/** Pod Security baseline, "HostPath Volumes": no volume may be a `hostPath`, whatever its path. */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const pssHostPathVolumes: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-host-path-volumes',
    severity: 'error',
    title: 'Pod Security baseline: hostPath volume',
    passTitle: 'Pod Security baseline: no hostPath volume',
    why:
      'A hostPath volume shares part of the node\'s filesystem with the container. Even a harmless-looking path can ' +
      'lead to the node\'s credentials or runtime socket, and a writable one lets an attacker leave files for the ' +
      'node itself. The baseline standard forbids hostPath volumes of any kind.',
    fix: 'Replace the `hostPath` volume with `emptyDir`, a `persistentVolumeClaim`, or a `configMap`/`secret` volume.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) =>
      asArray(pod.spec.volumes).flatMap((volume, index) => {
        const spec = asRecord(volume);
        if (spec.hostPath === undefined || spec.hostPath === null) return [];
        const name = typeof spec.name === 'string' ? spec.name : `volumes[${index}]`;
        return [hitAt(pod.object, [...pod.path, 'volumes', index, 'hostPath'],
          podSecurityMessage('baseline', `volume "${name}" of ${describeObject(pod.object)} is a hostPath volume`))];
      }),
    );
  },
};
