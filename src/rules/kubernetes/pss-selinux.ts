/**
 * Pod Security baseline, "SELinux": `seLinuxOptions.type` may only be one of the container
 * types, and `user` and `role` must not be set, on the pod and on every container.
 */
import { podSecurityMessage, securityContextSites } from '../../analysis/kubernetesPodSecurity.js';
import { hitAt } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const allowedTypes = new Set(['container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);
const unset = (value: unknown): boolean => value === undefined || value === null || value === '';

export const pssSelinux: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-selinux',
    severity: 'error',
    title: 'Pod Security baseline: custom SELinux options',
    passTitle: 'Pod Security baseline: no custom SELinux options',
    why:
      'SELinux labels decide what a container process may touch on an SELinux node. Choosing another type such as ' +
      'spc_t (super-privileged container) or a custom user or role lifts that confinement, letting an attacker in ' +
      'the container read and write node files the container label would have kept out of reach.',
    fix: 'Remove `seLinuxOptions.user` and `seLinuxOptions.role`, and leave `type` unset or use container_t, container_init_t, container_kvm_t or container_engine_t.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return securityContextSites(model).flatMap((site) => {
      if (site.context.seLinuxOptions === undefined) return [];
      const options = asRecord(site.context.seLinuxOptions);
      const at = [...site.path, 'seLinuxOptions'];
      const hits = [];
      if (!unset(options.type) && !allowedTypes.has(String(options.type))) {
        hits.push(hitAt(site.pod.object, [...at, 'type'], podSecurityMessage('baseline', `${site.owner} sets seLinuxOptions.type ${String(options.type)}`)));
      }
      for (const field of ['user', 'role'] as const) {
        if (!unset(options[field])) {
          hits.push(hitAt(site.pod.object, [...at, field], podSecurityMessage('baseline', `${site.owner} sets seLinuxOptions.${field}`)));
        }
      }
      return hits;
    });
  },
};
