/**
 * Pods should not get an API token mounted unless they call the API. A pod passes when it sets
 * `automountServiceAccountToken: false`, or leaves it unset and its ServiceAccount, found in the
 * same file, sets false. A ServiceAccount that does not set false is reported too. Info only:
 * the ServiceAccount usually lives elsewhere and may already disable the token.
 */
import { sameNamespace } from '../../analysis/kubernetesNamespaces.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { PodSpecRef } from '../../parse/kubernetes.js';
import type { KubernetesModel } from '../../parse/kubernetes.js';
import type { KubernetesRule } from '../types.js';

export const noAutomountServiceAccountToken: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/no-automount-service-account-token',
    severity: 'info',
    title: 'A pod gets a Kubernetes API token it may not need',
    passTitle: 'No pod gets a Kubernetes API token it does not ask for',
    why:
      'By default every pod gets its service account\'s token mounted at /var/run/secrets/kubernetes.io/serviceaccount. ' +
      'An attacker who gets code execution in the pod reads it and talks to the API server as that account: at best ' +
      'to map the cluster, at worst, with a generous RoleBinding, to read Secrets or start new pods. Most applications ' +
      'never call the API and should not carry the key to it.',
    fix:
      'Set `automountServiceAccountToken: false` on the pod spec (or on its ServiceAccount); pods that do call the API ' +
      'get a dedicated ServiceAccount with a narrow Role.',
    item: 'k8s.rbac',
    references: [],
  },
  check(model) {
    const podHits = model.podSpecs.flatMap((pod) => {
      const setting = pod.spec.automountServiceAccountToken;
      if (setting === false) return [];
      if (setting === undefined && serviceAccountDisablesToken(model, pod)) return [];
      return setting === undefined
        ? [hitAt(pod.object, pod.path, `${describeObject(pod.object)} does not set automountServiceAccountToken: false`)]
        : [hitAt(pod.object, [...pod.path, 'automountServiceAccountToken'],
          `${describeObject(pod.object)} sets automountServiceAccountToken: ${String(setting)}`)];
    });
    const accountHits = model.objects
      .filter((object) => object.kind === 'ServiceAccount' && object.value.automountServiceAccountToken !== false)
      .map((account) =>
        hitAt(account, 'automountServiceAccountToken' in account.value ? [...account.path, 'automountServiceAccountToken'] : account.path,
          `${describeObject(account)} does not set automountServiceAccountToken: false`));
    return [...podHits, ...accountHits];
  },
};

function serviceAccountDisablesToken(model: KubernetesModel, pod: PodSpecRef): boolean {
  const named = pod.spec.serviceAccountName ?? pod.spec.serviceAccount ?? 'default';
  return model.objects.some((object) =>
    object.kind === 'ServiceAccount' &&
    object.name === named &&
    sameNamespace(object, pod.object) &&
    object.value.automountServiceAccountToken === false);
}
