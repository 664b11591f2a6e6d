import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { networkPolicyAllowAll } from './network-policy-allow-all.js';

const lint = (text: string) => lintText(text, 'policy.yaml', 'kubernetes', { rules: [networkPolicyAllowAll] }).findings;

const policy = (ingress: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api
spec:
  podSelector: {matchLabels: {app: api}}
  policyTypes: [Ingress]
  ingress:
${ingress}`;

describe('kubernetes/network-policy-allow-all', () => {
  it.each([
    ['a default deny (no rules)', 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: d}\nspec: {podSelector: {}, policyTypes: [Ingress, Egress]}\n'],
    ['an explicitly empty ingress list (deny all)', policy('    []\n')],
    ['a rule naming its clients', policy('    - from: [{podSelector: {matchLabels: {app: web}}}]\n      ports: [{port: 8080}]\n')],
    ['a rule limited to a port', policy('    - ports: [{port: 8080}]\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['ingress: [{}]', policy('    - {}\n'), 9],
    ['a second rule with empty from and ports lists', policy('    - {from: [{ipBlock: {cidr: 10.0.0.0/8}}]}\n    - from: []\n      ports: []\n'), 10],
  ])('warns on %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/network-policy-allow-all', severity: 'warning', item: 'k8s.network-policy', line });
  });

  describe('egress and wide peers', () => {
    const policy = (spec: string) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: p\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n${spec}`;
    const lintPolicy = (spec: string) => lintText(policy(spec), 'np.yaml', 'kubernetes', { rules: [networkPolicyAllowAll] }).findings;

    it.each([
      ['egress to everywhere', '  egress:\n    - {}\n', /egress rule that allows all traffic to everywhere/],
      ['ingress from every namespace', '  ingress:\n    - from:\n        - namespaceSelector: {}\n', /every pod in every namespace/],
      ['egress to every address', '  egress:\n    - to:\n        - ipBlock: {cidr: 0.0.0.0/0}\n', /every address/],
    ])('flags %s', (_name, spec, message) => {
      const findings = lintPolicy(spec);
      expect(findings).toHaveLength(1);
      expect(findings[0]?.message).toMatch(message);
    });

    it.each([
      ['DNS to every namespace on port 53', '  egress:\n    - to:\n        - namespaceSelector: {}\n      ports:\n        - {protocol: UDP, port: 53}\n'],
      ['a namespace selector with labels', '  ingress:\n    - from:\n        - namespaceSelector: {matchLabels: {team: web}}\n'],
      ['pods of every namespace that carry a label', '  ingress:\n    - from:\n        - namespaceSelector: {}\n          podSelector: {matchLabels: {app: gateway}}\n'],
    ])('accepts %s', (_name, spec) => {
      expect(lintPolicy(spec)).toEqual([]);
    });
  });
});
