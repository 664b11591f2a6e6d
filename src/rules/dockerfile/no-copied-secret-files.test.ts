import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noCopiedSecretFiles } from './no-copied-secret-files.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noCopiedSecretFiles] }).findings;

describe('dockerfile/no-copied-secret-files', () => {
  it.each([
    ['ordinary files', 'FROM busybox:1.36.1\nCOPY package.json src/ /app/\n'],
    ['an env template', 'FROM busybox:1.36.1\nCOPY .env.example /app/.env.example\n'],
    ['a public key', 'FROM busybox:1.36.1\nCOPY id_rsa.pub /root/.ssh/authorized_keys\n'],
    ['a destination named .env (only sources count)', 'FROM busybox:1.36.1\nCOPY config/defaults /app/.env\n'],
    ['a file that merely contains "key"', 'FROM busybox:1.36.1\nCOPY keyboard.json /app/\n'],
    ['a public CA bundle', 'FROM busybox:1.36.1\nCOPY certs/ca.pem /usr/local/share/ca-certificates/\n'],
    ['a certificate chain', 'FROM busybox:1.36.1\nCOPY tls/fullchain.pem tls/ca-bundle.pem /etc/ssl/certs/\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['.env', 'COPY .env /app/', 'an environment file'],
    ['.env.production', 'COPY .env.production /app/', 'an environment file'],
    ['a nested prod.env', 'COPY config/prod.env /app/', 'an environment file'],
    ['id_rsa', 'COPY id_rsa /root/.ssh/id_rsa', 'an SSH private key'],
    ['a glob of pem files', 'COPY certs/*.pem /etc/ssl/private/', 'a key or certificate file'],
    ['a .key file through ADD', 'ADD server.key /etc/ssl/', 'a key file'],
    ['a CA\'s own key, named as such', 'COPY certs/ca-key.pem /etc/ssl/private/', 'a private key file'],
    ['privkey.pem beside a chain', 'COPY tls/privkey.pem tls/fullchain.pem /etc/ssl/', 'a private key file'],
    ['.npmrc', 'COPY .npmrc package.json ./', 'registry or git credentials'],
    ['.aws/credentials', 'COPY .aws/credentials /root/.aws/credentials', 'AWS credentials'],
    ['a whole .ssh directory', 'COPY .ssh /root/.ssh', 'SSH keys'],
    ['docker config', 'COPY .docker/config.json /root/.docker/', 'Docker registry credentials'],
    ['a key from another stage', 'COPY --from=build /root/.ssh/id_ed25519 /keys/', 'an SSH private key'],
    ['the exec form', 'COPY [".env", "/app/"]', 'an environment file'],
  ])('flags %s', (_name, instruction, message) => {
    const findings = lint(`FROM busybox:1.36.1 AS build\nFROM busybox:1.36.1\n${instruction}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-copied-secret-files', line: 3, column: 1, severity: 'error', item: 'secrets.not-in-image' });
    expect(findings[0]?.message).toContain(message);
  });
});
