import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noSecretInManifest } from './no-secret-in-manifest.js';

const lint = (text: string) => lintText(text, 'secret.yaml', 'kubernetes', { rules: [noSecretInManifest] }).findings;

describe('kubernetes/no-secret-in-manifest', () => {
  it.each([
    ['a Secret without data', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: Opaque\n'],
    ['a service-account token Secret the cluster fills in', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: t\n  annotations: {kubernetes.io/service-account.name: app}\ntype: kubernetes.io/service-account-token\n'],
    ['an empty data map', 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {}\n'],
    ['a ConfigMap with data', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata: {LOG_LEVEL: debug}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('warns on data and on stringData, each at its own line', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: aHVudGVyMg==\nstringData:\n  user: admin\n';
    const findings = lint(text);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[4, 'warning'], [6, 'warning']]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-secret-in-manifest', item: 'k8s.secrets' });
    expect(findings[0]?.message).toContain('Secret/db');
  });
});
