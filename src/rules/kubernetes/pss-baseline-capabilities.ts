/**
 * Pod Security baseline, "Capabilities": `capabilities.add` may only hold capabilities from the
 * runtime's usual default set. Names are compared exactly, as admission does.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

/** The capabilities baseline lets a container add: the defaults container runtimes grant anyway. */
const baselineAllowedCapabilities: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID',
  'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

export const pssBaselineCapabilities: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-baseline-capabilities',
    severity: 'error',
    title: 'Pod Security baseline: capability beyond the default set',
    passTitle: 'Pod Security baseline: no capability beyond the default set',
    why:
      'Capabilities outside the runtime\'s default set, such as SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE, give ' +
      'a process powers that routinely turn a container compromise into a node compromise. The baseline standard ' +
      'allows adding back only the ordinary defaults and refuses anything beyond them.',
    fix: 'Remove the capability from `securityContext.capabilities.add`; only AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID and SYS_CHROOT may be added.',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model) {
    return everyContainer(model).flatMap(({ pod, container }) =>
      asArray(asRecord(containerSecurityContext(container).capabilities).add).flatMap((capability, index) =>
        typeof capability === 'string' && baselineAllowedCapabilities.has(capability)
          ? []
          : [hitAt(pod.object, [...container.path, 'securityContext', 'capabilities', 'add', index],
            podSecurityMessage('baseline', `${describeContainer(pod, container)} adds capability ${String(capability)}`))],
      ),
    );
  },
};
