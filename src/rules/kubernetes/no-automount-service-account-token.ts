/**
 * Pods should not get an API token mounted unless they call the API. A pod passes when it sets
 * `automountServiceAccountToken: false`, or leaves it unset and its ServiceAccount, found in the
 * same lint run, sets false. A ServiceAccount that does not set false is reported only when no
 * pod reported here uses it (one mistake, one finding). Info only: the ServiceAccount usually
 * lives elsewhere and may already disable the token.
 */
import { sameNamespace } from '../../analysis/kubernetesNamespaces.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import type { KubernetesObject, PodSpecRef } from '../../parse/kubernetes.js';
import { runOf, serviceAccountNameOf, type RunContext } from '../runContext.js';
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
  check(model, context) {
    // Across the run when there is one: the ServiceAccount often sits in another file.
    const run = runOf(context.run, model);
    const podHits = model.podSpecs.flatMap((pod) => {
      const setting = pod.spec.automountServiceAccountToken;
      if (setting === false) return [];
      const account = serviceAccountOf(run, pod);
      if (setting === undefined && account?.value.automountServiceAccountToken === false) return [];
      const alsoAccount = account ? ` (nor does its ServiceAccount ${account.name})` : '';
      return setting === undefined
        ? [hitAt(pod.object, pod.path, `${describeObject(pod.object)} does not set automountServiceAccountToken: false${alsoAccount}`)]
        : [hitAt(pod.object, [...pod.path, 'automountServiceAccountToken'],
          `${describeObject(pod.object)} sets automountServiceAccountToken: ${String(setting)}`)];
    });
    // One mistake, one finding: a ServiceAccount whose pods are reported above is not reported again.
    const accountHits = model.objects
      .filter((object) => object.kind === 'ServiceAccount' && object.value.automountServiceAccountToken !== false)
      .filter((account) => !(run.podsByServiceAccount.get(account.name) ?? []).some((pod) =>
        pod.spec.automountServiceAccountToken !== false && serviceAccountOf(run, pod) === account))
      .map((account) =>
        hitAt(account, 'automountServiceAccountToken' in account.value ? [...account.path, 'automountServiceAccountToken'] : account.path,
          `${describeObject(account)} does not set automountServiceAccountToken: false`));
    return [...podHits, ...accountHits];
  },
};

function serviceAccountOf(run: RunContext, pod: PodSpecRef): KubernetesObject | undefined {
  return run.serviceAccounts.get(serviceAccountNameOf(pod))?.find((account) => sameNamespace(account, pod.object));
}
