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
});
