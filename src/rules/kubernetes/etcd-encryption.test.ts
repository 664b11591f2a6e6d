import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { etcdEncryption } from './etcd-encryption.js';

const lint = (text: string) => lintText(text, 'encryption.yaml', 'kubernetes', { rules: [etcdEncryption] }).findings;

const config = (resources: string) => `apiVersion: apiserver.config.k8s.io/v1
kind: EncryptionConfiguration
resources:
${resources}`;

const secretsWith = (providers: string) => config(`  - resources: [secrets]\n    providers:\n${providers}`);

describe('kubernetes/etcd-encryption', () => {
  it.each([
    ['aescbc first', secretsWith('      - aescbc: {keys: [{name: k1, secret: c2VjcmV0}]}\n      - identity: {}\n')],
    ['aesgcm first', secretsWith('      - aesgcm: {keys: [{name: k1, secret: c2VjcmV0}]}\n')],
    ['kms first', secretsWith('      - kms: {apiVersion: v2, name: vault, endpoint: unix:///kms.sock}\n      - identity: {}\n')],
    ['secretbox first', secretsWith('      - secretbox: {keys: [{name: k1, secret: c2VjcmV0}]}\n')],
    ['secrets covered by the core-group wildcard', config('  - resources: ["*."]\n    providers:\n      - aescbc: {keys: [{name: k1, secret: c2VjcmV0}]}\n')],
    ['identity for configmaps only, secrets encrypted', config('  - resources: [configmaps]\n    providers: [{identity: {}}]\n  - resources: [secrets]\n    providers: [{kms: {apiVersion: v2, name: v}}]\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['identity first', secretsWith('      - identity: {}\n      - aescbc: {keys: [{name: k1, secret: c2VjcmV0}]}\n'), 6, 'first provider for secrets'],
    ['an earlier all-resources entry with identity first (the first match wins)', config('  - resources: ["*.*"]\n    providers: [{identity: {}}]\n  - resources: [secrets]\n    providers: [{aescbc: {keys: []}}]\n'), 5, 'identity'],
    ['no entry for secrets at all', config('  - resources: [configmaps]\n    providers: [{aescbc: {keys: []}}]\n'), 3, 'no entry for secrets'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/etcd-encryption', severity: 'error', item: 'k8s.control-plane', line });
    expect(findings[0]?.message).toContain(message);
  });
});
