/**
 * Pod Security restricted, "Capabilities": every container must drop `ALL` (exactly that
 * spelling) and may add back only `NET_BIND_SERVICE`. Linux only: pods with
 * `spec.os.name: windows` are exempt. Replaces the baseline capabilities control in the
 * restricted profile.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { containerSecurityContext, describeContainer, everyContainer, hitAt, isWindowsPod, stringList } from '../../analysis/kubernetesWalk.js';
import { asArray, asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule, RuleHit } from '../types.js';

export const pssRestrictedCapabilities: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-restricted-capabilities',
    severity: 'error',
    title: 'Pod Security restricted: capabilities not dropped',
    passTitle: 'Pod Security restricted: capabilities are dropped',
    why:
      'The restricted standard starts every container from zero capabilities: each one left in place is a tool an ' +
      'attacker can use after getting code execution, to bypass file permissions, change identity or craft raw ' +
      'packets. Only NET_BIND_SERVICE, needed to bind a port below 1024, may be added back.',
    fix: 'Set `securityContext.capabilities.drop: ["ALL"]` on every container and remove every `capabilities.add` entry except `NET_BIND_SERVICE`.',
    item: 'k8s.admission',
    references: ['pss:restricted'],
  },
  check(model) {
    return everyContainer(model)
      .filter(({ pod }) => !isWindowsPod(pod))
      .flatMap(({ pod, container }) => {
        const hits: RuleHit[] = [];
        const who = describeContainer(pod, container);
        const capabilities = asRecord(containerSecurityContext(container).capabilities);
        const capabilitiesPath = [...container.path, 'securityContext', 'capabilities'];
        if (!stringList(capabilities.drop).includes('ALL')) {
          hits.push(hitAt(pod.object, capabilities.drop === undefined ? container.path : [...capabilitiesPath, 'drop'],
            podSecurityMessage('restricted', `${who} must drop "ALL" capabilities`)));
        }
        asArray(capabilities.add).forEach((capability, index) => {
          if (capability !== 'NET_BIND_SERVICE') {
            hits.push(hitAt(pod.object, [...capabilitiesPath, 'add', index],
              podSecurityMessage('restricted', `${who} adds capability ${String(capability)}; only NET_BIND_SERVICE is allowed`)));
          }
        });
        return hits;
      });
  },
};
