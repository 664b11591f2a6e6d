import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { networkPolicyPresent } from './network-policy-present.js';

const lint = (text: string) => lintText(text, 'app.yaml', 'kubernetes', { rules: [networkPolicyPresent] }).findings;

const deployment = (namespace: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: {app: api, tier: backend}
    spec:
      containers: [{name: api}]
`;

const policy = (namespace: string, spec: string) => `---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: p
  namespace: ${namespace}
spec: ${spec}
`;

describe('kubernetes/network-policy-present', () => {
  it.each([
    ['a default-deny policy in the namespace', deployment('shop') + policy('shop', '{podSelector: {}, policyTypes: [Ingress, Egress]}')],
    ['a policy selecting the pods by label', deployment('shop') + policy('shop', '{podSelector: {matchLabels: {app: api}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}]}]}')],
    ['a policy selecting them with matchExpressions', deployment('shop') + policy('shop', '{podSelector: {matchExpressions: [{key: tier, operator: In, values: [backend]}]}}')],
    ['a file with no workloads', policy('shop', '{podSelector: {}}') + '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no NetworkPolicy at all', deployment('shop')],
    ['a default-deny policy in another namespace', deployment('shop') + policy('billing', '{podSelector: {}}')],
    ['a policy selecting other pods', deployment('shop') + policy('shop', '{podSelector: {matchLabels: {app: web}}}')],
    ['a policy whose expression excludes the pods', deployment('shop') + policy('shop', '{podSelector: {matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]}}')],
  ])('reports %s as info, at the workload, saying it is file-scoped', (_name, text) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/network-policy-present', severity: 'info', item: 'k8s.network-policy', line: 1 });
    expect(findings[0]?.message).toContain('in this file');
    expect(findings[0]?.message).toContain('Deployment/api');
  });
});
