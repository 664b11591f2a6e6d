/**
 * Every Namespace should enforce a Pod Security level with the
 * `pod-security.kubernetes.io/enforce` label, and that level should not be `privileged`.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const enforceLabel = 'pod-security.kubernetes.io/enforce';

export const namespacePodSecurity: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/namespace-pod-security',
    severity: 'warning',
    title: 'A Namespace does not enforce a Pod Security level',
    passTitle: 'Every Namespace enforces a Pod Security level',
    why:
      'Pod Security admission rejects pods that break the baseline or restricted standard, but only in namespaces ' +
      'labelled to enforce it. Without the label (or with `privileged`), anyone allowed to create a pod there, ' +
      'including an attacker holding a CI token, can start a privileged pod with the node\'s filesystem mounted, ' +
      'and nothing in the cluster will object.',
    fix: 'Label the Namespace `pod-security.kubernetes.io/enforce: restricted` (or `baseline` while workloads are being hardened), with `pod-security.kubernetes.io/enforce-version: latest`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'Namespace')
      .flatMap((namespace) => {
        const metadata = asRecord(namespace.value.metadata);
        const level = asRecord(metadata.labels)[enforceLabel];
        const labelPath = [...namespace.path, 'metadata', 'labels', enforceLabel];
        if (level === 'restricted' || level === 'baseline') return [];
        if (level === undefined) {
          return [hitAt(namespace, labelPath, `${describeObject(namespace)} has no ${enforceLabel} label; suggest restricted`)];
        }
        if (level === 'privileged') {
          return [hitAt(namespace, labelPath, `${describeObject(namespace)} enforces the privileged level, which allows anything; use restricted or baseline`)];
        }
        return [hitAt(namespace, labelPath,
          `${describeObject(namespace)} sets ${enforceLabel} to "${String(level)}", which is not one of privileged, baseline, restricted`)];
      });
  },
};
