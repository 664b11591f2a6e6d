/**
 * An API server `EncryptionConfiguration` must encrypt Secrets: the first provider of the first
 * entry covering `secrets` is the one that writes, and `identity` writes plaintext. `identity`
 * later in the list is fine (it only reads data written before encryption was turned on).
 */
import { describeObject, hitAt, stringList } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

/** Names that cover Secrets in an entry's `resources`: the resource itself and the wildcards for the core group. */
const coversSecrets = new Set(['secrets', '*.', '*.*']);

export const etcdEncryption: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/etcd-encryption',
    severity: 'error',
    title: 'Secrets are stored in etcd as plaintext',
    passTitle: 'Secrets are encrypted in etcd',
    why:
      'etcd holds every Secret of the cluster. When the first provider for secrets is `identity`, they are written ' +
      'unencrypted, so anyone who obtains an etcd backup, a snapshot of the control-plane disk or network access ' +
      'to etcd reads every password and token of the cluster without ever talking to the API server.',
    fix:
      'Make an encrypting provider the first one for `secrets`: `kms` (v2) with a key in an external KMS, or ' +
      '`aescbc`/`aesgcm`/`secretbox` with a key kept off the repository; keep `identity: {}` last only while migrating, ' +
      'then rewrite Secrets with `kubectl get secrets -A -o json | kubectl replace -f -`.',
    item: 'k8s.control-plane',
    references: [],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'EncryptionConfiguration')
      .flatMap((config) => {
        const entries = asArray(config.value.resources);
        const index = entries.findIndex((entry) => stringList(asRecord(entry).resources).some((name) => coversSecrets.has(name)));
        if (index < 0) {
          return [hitAt(config, [...config.path, 'resources'], `${describeObject(config)} has no entry for secrets, so they are stored in plaintext`)];
        }
        const firstProvider = asRecord(asArray(asRecord(entries[index]).providers)[0]);
        if (!('identity' in firstProvider)) return [];
        return [hitAt(config, [...config.path, 'resources', index, 'providers', 0],
          `the first provider for secrets in ${describeObject(config)} is identity, so they are stored in plaintext`)];
      });
  },
};
