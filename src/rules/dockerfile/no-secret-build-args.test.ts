import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noSecretBuildArgs } from './no-secret-build-args.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noSecretBuildArgs] }).findings;

describe('dockerfile/no-secret-build-args', () => {
  it.each([
    ['an ordinary build argument', 'FROM busybox:1.36.1\nARG VERSION\n'],
    ['a secret ARG used only in a secret-mount RUN', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci || echo $NPM_TOKEN\n'],
    ['a secret ARG used by a plain RUN (use-secret-mounts reports that)', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN\n'],
    ['a secret ARG with a literal default (no-secret-variables reports that)', 'FROM busybox:1.36.1\nARG API_TOKEN=abc\n'],
    ['a global secret ARG never redeclared in a stage', 'ARG API_TOKEN\nFROM busybox:1.36.1\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['an unused secret ARG', 'FROM busybox:1.36.1\nARG GITHUB_TOKEN\nRUN echo hi\n', 2, '`ARG GITHUB_TOKEN`'],
    ['a secret ARG copied into ENV', 'FROM busybox:1.36.1\nARG NPM_TOKEN\nENV NPM_TOKEN=$NPM_TOKEN\n', 2, 'NPM_TOKEN'],
    ['a secret ARG among several', 'FROM busybox:1.36.1\nARG VERSION DB_PASSWORD\n', 2, 'DB_PASSWORD'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-secret-build-args', line, column: 1, severity: 'warning', item: 'secrets.not-in-image' });
    expect(findings[0]?.message).toContain(message);
  });
});
