import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noLiteralSecretEnv } from './no-literal-secret-env.js';

const lint = (text: string) => lintText(text, 'pod.yaml', 'kubernetes', { rules: [noLiteralSecretEnv] }).findings;

const pod = (env: string) => `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
    - name: app
      env:
${env}`;

describe('kubernetes/no-literal-secret-env', () => {
  it.each([
    ['a password from a secretKeyRef', '        - name: DB_PASSWORD\n          valueFrom: {secretKeyRef: {name: db, key: password}}\n'],
    ['a non-secret name', '        - name: LOG_LEVEL\n          value: debug\n'],
    ['MONKEY (contains KEY, is not a key)', '        - name: MONKEY\n          value: banana\n'],
    ['PWD (the working directory)', '        - name: PWD\n          value: /app\n'],
    ['a path to a secret file', '        - name: DB_PASSWORD_FILE\n          value: /run/secrets/db\n'],
    ['the name of a Secret object', '        - name: TLS_SECRET_NAME\n          value: web-tls\n'],
    ['an empty value', '        - name: API_TOKEN\n          value: ""\n'],
    ['a reference to another variable', '        - name: API_TOKEN\n          value: $(TOKEN_FROM_SECRET)\n'],
    ['a cache key', '        - name: CACHE_KEY_PREFIX\n          value: web\n'],
    ['a token lifetime', '        - name: ACCESS_TOKEN_EXPIRE_MINUTES\n          value: "30"\n'],
    ['a hashing cost', '        - name: PASSWORD_HASH_ROUNDS\n          value: "12"\n'],
    ['which secrets backend to use', '        - name: SECRETS_BACKEND\n          value: vault\n'],
    ['a connection URL without a password', '        - name: DATABASE_URL\n          value: postgres://api@db/api\n'],
  ])('passes %s', (_name, env) => {
    expect(lint(pod(env))).toEqual([]);
  });

  it.each([
    ['DB_PASSWORD', '        - name: DB_PASSWORD\n          value: hunter2\n'],
    ['apiKey in camelCase', '        - name: apiKey\n          value: abc123\n'],
    ['AWS_SECRET_ACCESS_KEY', '        - name: AWS_SECRET_ACCESS_KEY\n          value: wJalrXUtnFEMI\n'],
    ['GITHUB_TOKEN', '        - name: GITHUB_TOKEN\n          value: ghp_example\n'],
    ['a numeric PIN-like secret', '        - name: ADMIN_PASSWORD\n          value: 123456\n'],
    ['PGPASSWORD', '        - name: PGPASSWORD\n          value: Sup3rS3cret\n'],
    ['MYSQL_PWD', '        - name: MYSQL_PWD\n          value: Sup3rS3cret\n'],
    ['DATABASE_URL (a password inside a URL)', '        - name: DATABASE_URL\n          value: postgres://api:Sup3rS3cret@db/api\n'],
  ])('flags %s at its value', (name, env) => {
    const findings = lint(pod(env));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-literal-secret-env', severity: 'error', item: 'k8s.secrets', line: 10 });
    expect(findings[0]?.message).toContain(name.split(' ')[0]!);
  });

  it('flags a secret-looking variable read from a ConfigMap, which is stored in clear', () => {
    const findings = lint(pod('        - name: DB_PASSWORD\n          valueFrom: {configMapKeyRef: {name: db-config, key: password}}\n'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'kubernetes/no-literal-secret-env', line: 10 });
    expect(findings[0]?.message).toMatch(/reads DB_PASSWORD from ConfigMap db-config/);
    expect(lint(pod('        - name: LOG_LEVEL\n          valueFrom: {configMapKeyRef: {name: app, key: level}}\n'))).toEqual([]);
  });
});
