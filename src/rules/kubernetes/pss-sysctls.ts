/**
 * Pod Security baseline, "Sysctls": only the namespaced sysctls known to be safe may be set in
 * the pod's `securityContext.sysctls`.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeObject, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

const safeSysctls = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

export const pssSysctls: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-sysctls',
    severity: 'error',
    title: 'Pod Security baseline: unsafe sysctl',
    passTitle: 'Pod Security baseline: only safe sysctls',
    why:
      'Sysctls tune the kernel. Outside a short list of settings that are isolated per pod, a sysctl changes ' +
      'behaviour for every workload on the node or weakens it: an attacker allowed to set them can starve ' +
      'neighbours, open networking features the node relies on being off, or make exploitation easier.',
    fix: 'Remove the sysctl from `securityContext.sysctls`, or use one of the safe set (kernel.shm_rmid_forced, net.ipv4.ip_local_port_range, net.ipv4.ip_unprivileged_port_start, net.ipv4.tcp_syncookies, net.ipv4.ping_group_range, ...).',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return model.podSpecs.flatMap((pod) =>
      asArray(asRecord(pod.spec.securityContext).sysctls).flatMap((sysctl, index) => {
        const name = asRecord(sysctl).name;
        if (typeof name === 'string' && safeSysctls.has(name)) return [];
        return [hitAt(pod.object, [...pod.path, 'securityContext', 'sysctls', index, 'name'],
          podSecurityMessage('baseline', `${describeObject(pod.object)} sets sysctl ${String(name)}, which is not in the safe set`))];
      }),
    );
  },
};
