import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { networkPolicyDefaultDeny } from './network-policy-default-deny.js';

const lint = (text: string) => lintText(text, 'app.yaml', 'kubernetes', { rules: [networkPolicyDefaultDeny] }).findings;

const pod = 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: web, image: "web:1.0.0"}]}\n';
const policy = (spec: string) => `---\napiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: shop}\nspec:\n${spec}`;

describe('kubernetes/network-policy-default-deny', () => {
  it.each([
    ['a default-deny for both directions', pod + policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n')],
    ['default-deny beside allow rules', pod + policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n') + policy('  podSelector: {matchLabels: {app: web}}\n  policyTypes: [Ingress]\n  ingress: [{}]\n')],
    ['a file without workloads', policy('  podSelector: {}\n  policyTypes: [Ingress]\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no policy at all', pod, 'no default-deny NetworkPolicy'],
    ['a default-deny for Ingress only', pod + policy('  podSelector: {}\n  policyTypes: [Ingress]\n'), 'not Egress'],
    ['policyTypes left out, which means Ingress only', pod + policy('  podSelector: {}\n'), 'not Egress'],
    ['an "empty" policy that allows all ingress', pod + policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n  ingress: [{}]\n'), 'no default-deny NetworkPolicy'],
    ['a default-deny in another namespace', pod + policy('  podSelector: {}\n  policyTypes: [Ingress, Egress]\n').replace('namespace: shop}\nspec', 'namespace: other}\nspec'), 'no default-deny NetworkPolicy'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
  });
});
