/**
 * A Namespace that enforces Pod Security should enforce the restricted level, pin which version
 * of the standard it means, and warn and audit at that same level, so that a Deployment that
 * breaks it is refused, reported to whoever applies it, and logged. Stricter than
 * namespace-pod-security, which also accepts baseline while workloads are being hardened.
 */
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const prefix = 'pod-security.kubernetes.io/';

export const namespaceRestricted: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/namespace-restricted',
    severity: 'info',
    title: 'A Namespace does not enforce, warn and audit the restricted Pod Security level',
    passTitle: 'Every Namespace enforces, warns and audits the restricted Pod Security level',
    why:
      'Baseline only blocks the known escalations; restricted also refuses pods that run as root, keep capabilities or ' +
      'allow privilege escalation. Without `enforce-version` the meaning of the level can change under you with a ' +
      'cluster upgrade, and without `warn` and `audit` at the same level nobody hears about a refused pod until it is missing.',
    fix: 'Label the Namespace `pod-security.kubernetes.io/enforce: restricted`, `pod-security.kubernetes.io/enforce-version: latest` (or a version such as v1.30), `pod-security.kubernetes.io/warn: restricted` and `pod-security.kubernetes.io/audit: restricted`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return model.objects
      .filter((object) => object.kind === 'Namespace')
      .flatMap((namespace) => {
        const labels = asRecord(asRecord(namespace.value.metadata).labels);
        const at = (label: string) => (label in labels ? [...namespace.path, 'metadata', 'labels', `${prefix}${label}`] : [...namespace.path, 'metadata']);
        const name = describeObject(namespace);
        const enforce = labels[`${prefix}enforce`];
        if (enforce !== 'restricted') return [hitAt(namespace, at('enforce'), `${name} enforces ${enforce === undefined ? 'no Pod Security level' : `"${String(enforce)}"`}, not restricted`)];
        const hits = [];
        if (labels[`${prefix}enforce-version`] === undefined) hits.push(hitAt(namespace, at('enforce'), `${name} enforces restricted without ${prefix}enforce-version, so its meaning moves with cluster upgrades`));
        for (const mode of ['warn', 'audit']) {
          const level = labels[`${prefix}${mode}`];
          if (level !== 'restricted') hits.push(hitAt(namespace, at(mode), `${name} ${level === undefined ? `has no ${prefix}${mode} label` : `${mode}s at "${String(level)}"`}; ${mode} at restricted, the level it enforces`));
        }
        return hits;
      });
  },
};
