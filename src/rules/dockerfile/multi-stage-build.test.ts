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
