/**
 * Every container must drop all capabilities: `capabilities.drop` must contain `ALL`. Kubernetes
 * compares capability names as written and Pod Security admission accepts only the upper-case
 * `ALL`, so `all` is reported with its own message; dropping a few named ones (`NET_RAW`) is not
 * enough, since the runtime's other defaults stay.
 */
import { containerSecurityContext, describeContainer, linuxContainers, hitAt, stringList } from '../../analysis/kubernetesWalk.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule } from '../types.js';

export const dropAllCapabilities: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/drop-all-capabilities',
    severity: 'error',
    title: 'A container keeps the runtime\'s default capabilities',
    passTitle: 'Every container drops all capabilities',
    why:
      'Container runtimes hand every container a default set of capabilities: CHOWN, DAC_OVERRIDE, FOWNER, SETUID, ' +
      'SETGID, NET_RAW and more. A typical service needs none of them, but an attacker who lands in the container ' +
      'can use them to read files regardless of permissions, change identities, or forge packets on the pod network. ' +
      'Dropping ALL and adding back only what is proven necessary removes those tools before anyone needs them.',
    fix: 'Set `securityContext.capabilities.drop: ["ALL"]` (upper case) on every container; add back only `NET_BIND_SERVICE` when binding below 1024.',
    item: 'k8s.security-context',
    references: ['pss:restricted'],
  },
  check(model) {
    // Windows pods may not set this field at all (see linuxContainers).
    return linuxContainers(model).flatMap(({ pod, container }) => {
      const who = describeContainer(pod, container);
      const capabilities = asRecord(containerSecurityContext(container).capabilities);
      const dropPath = [...container.path, 'securityContext', 'capabilities', 'drop'];
      if (capabilities.drop === undefined) {
        return [hitAt(pod.object, container.path, `${who} does not drop capabilities; add capabilities.drop: ["ALL"]`)];
      }
      const dropped = stringList(capabilities.drop);
      if (dropped.includes('ALL')) return [];
      if (dropped.some((name) => name.toUpperCase() === 'ALL')) {
        return [hitAt(pod.object, dropPath,
          `${who} drops "${dropped.find((name) => name.toUpperCase() === 'ALL')}"; Kubernetes compares capability names ` +
          'exactly and Pod Security admission only accepts "ALL" in upper case')];
      }
      const listed = dropped.length > 0 ? dropped.join(', ') : 'nothing';
      return [hitAt(pod.object, dropPath, `${who} drops only ${listed}; the other default capabilities stay, so drop "ALL"`)];
    });
  },
};
