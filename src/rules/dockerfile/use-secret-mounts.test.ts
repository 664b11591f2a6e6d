import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { useSecretMounts } from './use-secret-mounts.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [useSecretMounts] }).findings;

describe('dockerfile/use-secret-mounts', () => {
  it.each([
    ['a secret mount', 'FROM node:20.11.1-alpine\nRUN --mount=type=secret,id=npm_token NPM_TOKEN=$(cat /run/secrets/npm_token) npm ci\n'],
    ['a secret mount after a cache mount', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN --mount=type=cache,target=/root/.npm --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci\n'],
    ['a secret mount before a cache mount', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN --mount=type=secret,id=npmrc,target=/root/.npmrc --mount=type=cache,target=/root/.npm npm ci $NPM_TOKEN\n'],
    ['a non-secret ARG', 'FROM busybox:1.36.1\nARG VERSION\nRUN echo $VERSION\n'],
    ['a secret ARG declared only in another stage', 'FROM busybox:1.36.1 AS a\nARG NPM_TOKEN\nFROM busybox:1.36.1\nRUN echo $NPM_TOKEN\n'],
    ['a variable that is not declared', 'FROM busybox:1.36.1\nRUN echo $GITHUB_TOKEN\n'],
    ['a RUN before the ARG', 'FROM busybox:1.36.1\nRUN echo $NPM_TOKEN\nARG NPM_TOKEN\n'],
    ['a longer name sharing a prefix', 'FROM busybox:1.36.1\nARG NPM_TOKEN\nRUN echo $NPM_TOKEN_URL\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['npm config with an ARG', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN npm config set //registry.npmjs.org/:_authToken=$NPM_TOKEN\n', 3, '$NPM_TOKEN from ARG'],
    ['a braced reference', 'FROM node:20.11.1-alpine\nARG GITHUB_TOKEN\nRUN git clone https://${GITHUB_TOKEN}@github.com/o/r\n', 3, 'id=github_token'],
    ['an ENV from a parent stage', 'FROM alpine:3.19.1 AS base\nENV API_KEY=${API_KEY}\nFROM base\nRUN curl -H "X-Key: $API_KEY" https://x\n', 4, '$API_KEY from ENV'],
    ['a cache mount is not a secret mount', 'FROM node:20.11.1-alpine\nARG NPM_TOKEN\nRUN --mount=type=cache,target=/root/.npm echo $NPM_TOKEN > .npmrc\n', 3, 'NPM_TOKEN'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/use-secret-mounts', line, column: 1, severity: 'error', item: 'secrets.build-time' });
    expect(findings[0]?.message).toContain(message);
  });
});
