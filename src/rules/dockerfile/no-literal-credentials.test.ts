import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noLiteralCredentials } from './no-literal-credentials.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noLiteralCredentials] }).findings;

const AWS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const GITHUB_TOKEN = `ghp_${'a1B2c3D4e5'.repeat(3)}abcdef`;

describe('dockerfile/no-literal-credentials', () => {
  it.each([
    ['docker login with --password-stdin', 'FROM busybox:1.36.1\nRUN --mount=type=secret,id=pw cat /run/secrets/pw | docker login --password-stdin -u me registry.example.com\n'],
    ['a --password from a variable', 'FROM busybox:1.36.1\nRUN mysql --password "$DB_PASSWORD" -e "select 1"\n'],
    ['an Authorization header from a variable', 'FROM busybox:1.36.1\nRUN curl -H "Authorization: Bearer $TOKEN" https://api.example.com\n'],
    ['a URL without credentials', 'FROM busybox:1.36.1\nRUN wget https://example.com:8443/file\n'],
    ['a URL with a variable password', 'FROM busybox:1.36.1\nRUN git clone https://x-access-token:${GH_TOKEN}@github.com/org/repo.git\n'],
    ['a public key', 'FROM busybox:1.36.1\nRUN echo "-----BEGIN PUBLIC KEY-----" > /k.pub\n'],
    ['a secret-named ENV (reported by no-secret-variables instead)', `FROM busybox:1.36.1\nENV AWS_ACCESS_KEY=${AWS_KEY}\n`],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['an AWS access key id in RUN', `FROM busybox:1.36.1\nRUN aws configure set aws_access_key_id ${AWS_KEY}\n`, 'an AWS access key id (AKIA…)'],
    ['a GitHub token', `FROM busybox:1.36.1\nRUN git clone https://${GITHUB_TOKEN}@github.com/org/repo.git\n`, 'a GitHub token (ghp_…)'],
    ['a fine-grained GitHub token', 'FROM busybox:1.36.1\nRUN echo github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuv > /t\n', 'a GitHub token'],
    ['a private key in a heredoc', 'FROM busybox:1.36.1\nRUN <<EOF\ncat > /root/.ssh/id_rsa <<KEY\n-----BEGIN OPENSSH PRIVATE KEY-----\nabc\nKEY\nEOF\n', 'a private key (-----BEGIN OPENSSH PRIVATE KEY-----)'],
    ['a Bearer header', 'FROM busybox:1.36.1\nRUN curl -H "Authorization: Bearer eyJhbGciOi" https://api.example.com\n', 'a literal Authorization header'],
    ['--password with a value', 'FROM busybox:1.36.1\nRUN docker login --password hunter2 -u me\n', 'a literal --password value (--password hu…)'],
    ['--password=value', 'FROM busybox:1.36.1\nRUN psql --password=hunter2\n', 'a literal --password value'],
    ['user:pass in a URL', 'FROM busybox:1.36.1\nRUN curl -o /x https://admin:hunter2@files.example.com/x\n', 'a password inside a URL (https://admin:hu…@)'],
    ['an AWS key in a non-secret-named ENV', `FROM busybox:1.36.1\nENV AWS_ACCESS_KEY_ID=${AWS_KEY}\n`, 'an AWS access key id'],
    ['a URL with credentials in ADD', 'FROM busybox:1.36.1\nADD https://bob:pa55@example.com/a.tgz /a.tgz\n', 'a password inside a URL'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-literal-credentials', line: 2, column: 1, severity: 'error', item: 'secrets.not-in-image' });
    expect(findings[0]?.message).toContain(message);
  });

  it('never prints the whole credential', () => {
    const messages = [
      lint(`FROM busybox:1.36.1\nRUN echo ${AWS_KEY}\n`)[0]?.message ?? '',
      lint('FROM busybox:1.36.1\nRUN curl https://admin:hunter2@x.example.com/\n')[0]?.message ?? '',
    ];
    expect(messages[0]).not.toContain(AWS_KEY);
    expect(messages[1]).not.toContain('hunter2');
  });

  it('lists several credentials of one RUN in one finding', () => {
    const findings = lint(`FROM busybox:1.36.1\nRUN echo ${AWS_KEY} && docker login --password hunter2\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toMatch(/AWS access key id .* and a literal --password value/);
  });
});
