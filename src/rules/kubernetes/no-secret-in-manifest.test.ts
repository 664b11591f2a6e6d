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

  it('warns on data and on stringData, each at its first credential', () => {
    const text = 'apiVersion: v1\nkind: Secret\nmetadata: {name: db}\ndata:\n  password: aHVudGVyMg==\nstringData:\n  user: admin\n  api-token: tok-123\n';
    const findings = lint(text);
    expect(findings.map((f) => [f.line, f.severity])).toEqual([[5, 'warning'], [8, 'warning']]);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-secret-in-manifest', item: 'k8s.secrets' });
    expect(findings[0]?.message).toContain('Secret/db');
  });
});

describe('kubernetes/no-secret-in-manifest on ConfigMaps', () => {
  it('warns on a password kept in a ConfigMap, read as the text it is', () => {
    const findings = lint('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: db-config}\ndata:\n  host: postgres.status.svc\n  password: s3cr3t-Passw0rd\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-secret-in-manifest', line: 6 });
    expect(findings[0]?.message).toContain('ConfigMap/db-config');
  });
});

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const secret = (type: string, body: string) => `apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ntype: ${type}\n${body}`;
const CERT = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2hhbmdlTWVOb3RBUmVhbENlcnQwCgYIKoZIzj0EAwIw\n-----END CERTIFICATE-----\n';
const KEY = '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOnotarealkeynotarealkeynotarealkeyoAoGCCqGSM49AwEHoUQDQgAE\n-----END EC PRIVATE KEY-----\n';

describe('kubernetes/no-secret-in-manifest judges keys and values', () => {
  it.each([
    ['a CA bundle only', secret('Opaque', `data:\n  ca.crt: ${b64(CERT)}\n`)],
    ['a TLS Secret with the certificate and an empty key', secret('kubernetes.io/tls', `data:\n  tls.crt: ${b64(CERT)}\n  tls.key: ""\n`)],
    ['a config file with no password in it', secret('Opaque', 'stringData:\n  app.yaml: |\n    server:\n      host: db.internal\n      port: 5432\n    logLevel: info\n')],
    ['a public key for verifying signatures', secret('Opaque', `data:\n  public-key: ${b64('-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEnotarealkey\n-----END PUBLIC KEY-----\n')}\n`)],
    ['a username and a host', secret('Opaque', `data:\n  username: ${b64('grafana')}\n  host: ${b64('postgres.monitoring.svc')}\n`)],
    ['a config file whose password comes from the environment', secret('Opaque', 'stringData:\n  config.ini: |\n    [db]\n    user = app\n    password = ${DB_PASSWORD}\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a private key under a public-looking name', secret('Opaque', `data:\n  ca.crt: ${b64(KEY)}\n`), 'private key'],
    ['a TLS Secret with its private key', secret('kubernetes.io/tls', `data:\n  tls.crt: ${b64(CERT)}\n  tls.key: ${b64(KEY)}\n`), 'tls.key'],
    ['a config file with an SMTP password inside', secret('Opaque', 'stringData:\n  alerting.yml: |\n    smtp:\n      smarthost: mail.internal:587\n      auth_password: s3cr3t-Pa55\n'), 'auth_password'],
    ['a connection URL with a password', secret('Opaque', `data:\n  DATABASE_URL: ${b64('postgres://app:hunter2@db:5432/app')}\n`), 'password inside a URL'],
    ['a docker registry Secret', secret('kubernetes.io/dockerconfigjson', `data:\n  .dockerconfigjson: ${b64('{"auths":{"registry.example":{"auth":"dXNlcjpwYXNz"}}}')}\n`), '.dockerconfigjson'],
    ['a generated token under a plain name', secret('Opaque', `data:\n  webhook: ${b64('xq7Hw2Lr9TzK4mPa8VbN3cJd')}\n`), 'generated token'],
  ])('flags %s', (_name, text, words) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(words);
  });
});
