import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noSecretVariables } from './no-secret-variables.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noSecretVariables] }).findings;

describe('dockerfile/no-secret-variables', () => {
  it.each([
    ['a URL for a token service', 'FROM busybox:1.36.1\nENV TOKEN_URL=https://auth.example.com/token\n'],
    ['a path to a password file', 'FROM busybox:1.36.1\nENV DB_PASSWORD_FILE=/run/secrets/db_password\n'],
    ['a ${VAR} reference', 'FROM busybox:1.36.1\nARG NPM_TOKEN\nENV NPM_TOKEN=${NPM_TOKEN}\n'],
    ['a quoted $VAR reference', 'FROM busybox:1.36.1\nENV API_KEY="$API_KEY"\n'],
    ['an empty value', 'FROM busybox:1.36.1\nENV DB_PASSWORD=\n'],
    ['an ARG without a default (another rule)', 'FROM busybox:1.36.1\nARG GITHUB_TOKEN\n'],
    ['a setting named after auth', 'FROM busybox:1.36.1\nENV AUTH_ENABLED=true AUTHOR=me\n'],
    ['a mounted secret path', 'FROM busybox:1.36.1\nENV GITHUB_TOKEN=/run/secrets/github_token\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['ENV with a password', 'FROM busybox:1.36.1\nENV DB_PASSWORD=hunter2\n', 2, '`ENV DB_PASSWORD=…`'],
    ['legacy ENV form', 'FROM busybox:1.36.1\nENV MYSQL_ROOT_PASSWORD s3cret value\n', 2, 'MYSQL_ROOT_PASSWORD'],
    ['a quoted value with spaces', 'FROM busybox:1.36.1\nENV A=1 API_KEY="abc def"\n', 2, 'API_KEY'],
    ['ARG with a default', 'FROM busybox:1.36.1\nARG NPM_TOKEN=npm_abcdef\n', 2, '`ARG NPM_TOKEN=…`'],
    ['a global ARG with a default', 'ARG GITHUB_TOKEN=ghs_xyz\nFROM busybox:1.36.1\n', 1, 'recorded in the image history'],
    ['AWS secret key', 'FROM busybox:1.36.1\nENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI\n', 2, 'AWS_SECRET_ACCESS_KEY'],
    ['Rails secret key base', 'FROM busybox:1.36.1\nENV SECRET_KEY_BASE=deadbeef\n', 2, 'SECRET_KEY_BASE'],
    ['camelCase names', 'FROM busybox:1.36.1\nENV apiKey=abc123\n', 2, 'apiKey'],
    ['credentials', 'FROM busybox:1.36.1\nENV REGISTRY_CREDENTIALS=user:pass\n', 2, 'REGISTRY_CREDENTIALS'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-secret-variables', line, column: 1, severity: 'error', item: 'secrets.not-in-image' });
    expect(findings[0]?.message).toContain(message);
  });

  it('never prints the secret value', () => {
    expect(lint('FROM busybox:1.36.1\nENV DB_PASSWORD=hunter2\n')[0]?.message).not.toContain('hunter2');
  });

  it('reports each secret of a multi-variable ENV', () => {
    expect(lint('FROM busybox:1.36.1\nENV DB_PASSWORD=a API_TOKEN=b PORT=80\n')).toHaveLength(2);
  });
});
