import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { ingressTls } from './ingress-tls.js';

const lint = (text: string) => lintText(text, 'ingress.yaml', 'kubernetes', { rules: [ingressTls] }).findings;

const ingress = (extra: string, annotations = '') => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: shop
${annotations}spec:
  rules:
    - host: shop.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: shop, port: {number: 8080}}}
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: {service: {name: api, port: {number: 8080}}}
${extra}`;

describe('kubernetes/ingress-tls', () => {
  it('passes an Ingress whose tls covers every host', () => {
    expect(lint(ingress('  tls:\n    - hosts: [shop.example.com, api.example.com]\n      secretName: shop-tls\n'))).toEqual([]);
  });

  it('accepts a wildcard certificate', () => {
    expect(lint(ingress('  tls:\n    - hosts: ["*.example.com"]\n      secretName: wildcard-tls\n'))).toEqual([]);
  });

  it('flags every host of an Ingress without tls', () => {
    const findings = lint(ingress(''));
    expect(findings.map((f) => f.line)).toEqual([7, 13]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/ingress-tls', severity: 'error', item: 'network.tls' });
    expect(findings[0]?.message).toMatch(/shop\.example\.com over plain HTTP: the Ingress has no tls section/);
  });

  it('flags a host left out of tls, and a tls entry without a secret', () => {
    expect(lint(ingress('  tls:\n    - hosts: [shop.example.com]\n      secretName: shop-tls\n')).map((f) => f.message)).toEqual([expect.stringMatching(/api\.example\.com over plain HTTP: no tls entry/)]);
    expect(lint(ingress('  tls:\n    - hosts: [shop.example.com, api.example.com]\n'))).toHaveLength(2);
  });

  it('flags ssl-redirect "false" even with tls', () => {
    const findings = lint(ingress('  tls:\n    - hosts: [shop.example.com, api.example.com]\n      secretName: shop-tls\n', '  annotations:\n    nginx.ingress.kubernetes.io/ssl-redirect: "false"\n'));
    expect(findings.map((f) => f.message)).toEqual([expect.stringMatching(/plain HTTP stays open/)]);
  });

  it('ignores objects that are not Ingresses', () => {
    expect(lint('apiVersion: v1\nkind: Service\nmetadata: {name: shop}\nspec: {ports: [{port: 80}]}\n')).toEqual([]);
  });
});
