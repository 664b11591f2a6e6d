/**
 * A `Secret` committed with literal `data` or `stringData` is a secret in version control: base64
 * is an encoding, not encryption. Secrets the cluster fills in itself (no data) pass.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { isRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const noSecretInManifest: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-secret-in-manifest',
    severity: 'warning',
    title: 'A Secret\'s values are committed in the manifest',
    passTitle: "No Secret's values are committed in the manifest",
    why:
      'The values under a Secret\'s `data` are only base64, which anyone can decode in one command. Committed to a ' +
      'repository, they reach every clone, fork, CI runner and backup of it, and stay in history after they are ' +
      'deleted. An attacker who reads the repository, not the cluster, then holds the credentials.',
    fix:
      'Do not commit the Secret: sync it from a secret manager with External Secrets Operator, or commit a ' +
      '`SealedSecret` that only the cluster can decrypt, and keep the workload referencing the Secret by name.',
    item: 'k8s.secrets',
    references: [],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'Secret')
      .flatMap((object) =>
        (['data', 'stringData'] as const)
          .filter((field) => isRecord(object.value[field]) && Object.keys(object.value[field]).length > 0)
          .map((field) =>
            hitAt(object, [...object.path, field], `${describeObject(object)} commits literal values under ${field}`)),
      );
  },
};
