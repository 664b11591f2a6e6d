/**
 * A `Secret` committed with literal credentials under `data` or `stringData` is a secret in
 * version control: base64 is an encoding, not encryption. A ConfigMap holding a password is the
 * same leak without even the encoding, so its `data` is judged the same way. Each entry is judged by its key and
 * decoded value, so Secrets the cluster fills in itself (no data) and Secrets that only carry
 * configuration (a TLS certificate without its key, a CA bundle, a config file without a
 * password in it, a username) pass.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { decodeSecretData, judgeSecretEntry } from '../../analysis/secretPayload.js';
import { isRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule, RuleHit } from '../types.js';

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
      .filter((object) => object.kind === 'Secret' || object.kind === 'ConfigMap')
      .flatMap((object) =>
        (['data', 'stringData'] as const).flatMap((field): RuleHit[] => {
          const entries = object.value[field];
          if (!isRecord(entries)) return [];
          const credentials = Object.entries(entries).flatMap(([key, raw]) => {
            if (typeof raw !== 'string') return [];
            // Only a Secret's data is base64; a ConfigMap's is the text itself.
            const value = field === 'data' && object.kind === 'Secret' ? (decodeSecretData(raw) ?? raw) : raw;
            const verdict = judgeSecretEntry(key, value);
            return verdict.credential ? [{ key, reason: verdict.reason ?? 'its value' }] : [];
          });
          const [first] = credentials;
          if (!first) return [];
          const named = credentials.map((entry) => entry.key).join(', ');
          return [hitAt(object, [...object.path, field, first.key], `${describeObject(object)} commits credentials under ${field}: ${named} (${first.reason})`)];
        }),
      );
  },
};
