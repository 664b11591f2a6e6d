/**
 * Pod Security baseline, "Host Probes / Lifecycle Hooks" (from v1.34): the `host` of an
 * `httpGet` or `tcpSocket` probe or lifecycle handler must be unset or empty. The kubelet makes
 * those requests from the node, so a `host` turns them into requests the node sends wherever the
 * pod author likes, including services that trust the node's address.
 */
import { podSecurityMessage } from '../../analysis/kubernetesPodSecurity.js';
import { describeContainer, everyContainer, hitAt } from '../../analysis/kubernetesWalk.js';
import { atLeast } from '../../analysis/podSecurityVersions.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { KubernetesRule, RuleHit } from '../types.js';

const PROBES = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const HOOKS = ['postStart', 'preStop'] as const;
const ACTIONS = ['httpGet', 'tcpSocket'] as const;

export const pssHostProbes: KubernetesRule = {
  target: 'kubernetes',
  meta: {
    id: 'kubernetes/pss-host-probes',
    severity: 'error',
    title: 'Pod Security baseline: probe or lifecycle hook sets a host',
    passTitle: 'Pod Security baseline: probes and lifecycle hooks set no host',
    why:
      'Probes and lifecycle hooks are run by the kubelet, from the node, with the node\'s network position. A ' +
      '`host` in an `httpGet` or `tcpSocket` handler points those requests anywhere: a cloud metadata address, ' +
      'the kubelet itself, an internal service that only trusts nodes. The pod author gets a request sent on the ' +
      'node\'s behalf, and the probe\'s success or failure leaks what answered. Baseline forbids it from v1.34.',
    fix: 'Remove `host` from the probe or hook, so it targets the pod\'s own IP; to check another service, do it from inside the container (`exec`).',
    item: 'k8s.admission',
    references: ['pss:baseline'],
  },
  check(model, context) {
    if (!atLeast(context.podSecurity?.version, 34)) return [];
    return everyContainer(model).flatMap(({ pod, container }) => {
      const hits: RuleHit[] = [];
      const handlers: [string, readonly (string | number)[]][] = [
        ...PROBES.map((probe) => [probe, [probe]] as [string, (string | number)[]]),
        ...HOOKS.map((hook) => [`lifecycle.${hook}`, ['lifecycle', hook]] as [string, (string | number)[]]),
      ];
      for (const [name, relative] of handlers) {
        let handler: unknown = container.spec;
        for (const key of relative) handler = asRecord(handler)[key];
        for (const action of ACTIONS) {
          const host = asRecord(asRecord(handler)[action]).host;
          if (host === undefined || host === null || host === '') continue;
          hits.push(hitAt(pod.object, [...container.path, ...relative, action, 'host'],
            podSecurityMessage('baseline', `${describeContainer(pod, container)} sets ${name}.${action}.host ${String(host)}`)));
        }
      }
      return hits;
    });
  },
};
