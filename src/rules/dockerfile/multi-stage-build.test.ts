import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { multiStageBuild } from './multi-stage-build.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [multiStageBuild] }).findings;

describe('dockerfile/multi-stage-build', () => {
  it.each([
    ['a builder stage and COPY --from', 'FROM node:20.11.1 AS build\nRUN npm ci && npm run build\nFROM node:20.11.1-alpine\nCOPY --from=build /app/dist /app\n'],
    ['production-only installs', 'FROM node:20.11.1-alpine\nCOPY package*.json ./\nRUN npm ci --omit=dev\nCMD ["node", "server.js"]\n'],
    ['yarn production install', 'FROM node:20.11.1-alpine\nRUN yarn install --production --frozen-lockfile\n'],
    ['runtime OS packages only', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends ca-certificates\n'],
    ['pip installing runtime requirements', 'FROM python:3.12.1-slim\nRUN pip install -r requirements.txt\n'],
    ['a word like "make" inside an echo', 'FROM busybox:1.36.1\nRUN echo "make it so"\n'],
    ['a go build in a stage that is not shipped', 'FROM golang:1.22.1 AS build\nRUN go build -o /app\nFROM scratch\nCOPY --from=build /app /app\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['npm install then build in a single stage', 'FROM node:20.11.1\nCOPY . .\nRUN npm install\nRUN npm run build\n', 3, '`npm install`'],
    ['npm run build', 'FROM node:20.11.1\nRUN npm ci --omit=dev && npm run build\n', 2, '`npm run build`'],
    ['go build', 'FROM golang:1.22.1\nRUN go build -o /app .\n', 2, '`go build -o /app .`'],
    ['cargo build', 'FROM rust:1.76.0\nRUN cargo build --release\n', 2, 'cargo build'],
    ['maven', 'FROM maven:3.9.6\nRUN mvn -B package\n', 2, 'mvn -B package'],
    ['gcc through apk', 'FROM python:3.12.1-alpine\nRUN apk add --no-cache gcc musl-dev\n', 2, 'apk add'],
    ['build-essential with options before the verb', 'FROM debian:bookworm-slim\nRUN apt-get -y install build-essential\n', 2, 'build-essential'],
    ['pip installing build tools', 'FROM python:3.12.1-slim\nRUN pip install wheel setuptools\n', 2, 'pip install wheel'],
    ['sudo make install', 'FROM debian:bookworm-slim\nRUN ./configure && sudo make install\n', 2, 'make install'],
    ['a build in the parent of the final stage', 'FROM node:20.11.1 AS base\nRUN npm ci\nFROM base\nCMD ["node", "x"]\n', 2, 'npm ci'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/multi-stage-build', line, column: 1, severity: 'warning', item: 'image.multi-stage' });
    expect(findings[0]?.message).toContain(message);
  });
});

describe('dockerfile/multi-stage-build with build packages removed in the same RUN', () => {
  const apkVirtual = [
    'FROM python:3.12.1-alpine3.19',
    'RUN set -eux; \\',
    '    apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev make; \\',
    '    pip install --no-cache-dir cffi==1.16.0; \\',
    '    make -C /opt/ext install; \\',
    '    apk del --no-network .build-deps',
    'CMD ["python3", "-m", "app"]',
    '',
  ].join('\n');
  const aptAutoRemove = [
    'FROM debian:bookworm-slim',
    'RUN set -eux; \\',
    '    savedAptMark="$(apt-mark showmanual)"; \\',
    '    apt-get update; \\',
    '    apt-get install -y --no-install-recommends gcc libc6-dev make ca-certificates; \\',
    '    ./configure --prefix=/usr/local && make -j"$(nproc)" && make install; \\',
    '    apt-mark auto \'.*\' > /dev/null; \\',
    '    [ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\',
    '    apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\',
    '    rm -rf /var/lib/apt/lists/*',
    '',
  ].join('\n');

  it.each([
    ['apk add --virtual ... && apk del of the virtual name', apkVirtual],
    ['apk add -t with the packages deleted by name', 'FROM alpine:3.19.1\nRUN apk add -t .b gcc musl-dev && gcc -o /usr/local/bin/t t.c && apk del gcc musl-dev\n'],
    ['apt install, build, apt-mark auto and purge --auto-remove', aptAutoRemove],
    ['apt-get purge of the named build packages', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y build-essential && make && apt-get purge -y build-essential && apt-get autoremove -y\n'],
    ['dnf remove of the named packages', 'FROM fedora:39\nRUN dnf install -y gcc make && make && dnf remove -y gcc make\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['the delete in a later RUN (the packages stay in the earlier layer)', 'FROM alpine:3.19.1\nRUN apk add --virtual .b gcc musl-dev && make\nRUN apk del .b\n', 'apk add'],
    ['deleting only some of the build packages', 'FROM alpine:3.19.1\nRUN apk add gcc musl-dev make && make && apk del make\n', 'apk add'],
    ['apt-get autoremove without marking the packages automatic', 'FROM debian:bookworm-slim\nRUN apt-get install -y gcc && make && apt-get autoremove -y\n', 'apt-get install'],
    ['a language toolchain from the base image, even with cleanup', 'FROM golang:1.22.1-alpine\nRUN apk add --virtual .b gcc musl-dev && go build -o /app . && apk del .b\n', 'go build'],
    ['make from the base image, with no build packages installed', 'FROM gcc:13.2.0\nRUN make && make install\n', 'make'],
  ])('still flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(message);
  });
});

it('does not take COPY --from=<image> for a builder stage', () => {
  const findings = lint('FROM node:20.11.1\nCOPY --from=busybox:1.36.1 /bin/busybox /bin/\nRUN npm ci && npm run build\n');
  expect(findings).toHaveLength(1);
  expect(findings[0]?.line).toBe(3);
});
