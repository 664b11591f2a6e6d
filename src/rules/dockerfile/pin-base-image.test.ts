import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { pinBaseImage } from './pin-base-image.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [pinBaseImage] }).findings;

describe('dockerfile/pin-base-image', () => {
  it.each([
    ['a full version tag', 'FROM node:20.11.1-alpine\n'],
    ['a digest', 'FROM node@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'],
    ['a moving tag with a digest', 'FROM node:20@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef\n'],
    ['scratch', 'FROM scratch\nCOPY app /app\n'],
    ['an earlier stage by name', 'FROM golang:1.22.1 AS build\nFROM build\n'],
    ['a full tag from a global ARG default', 'ARG TAG=20.11.1-alpine\nFROM node:${TAG}\n'],
    ['a distribution codename', 'FROM debian:bookworm-slim\n'],
    ['an ARG without a default but an inline default', 'ARG TAG\nFROM node:${TAG:-20.11.1-alpine}\n'],
    ['a major.minor tag', 'FROM ubuntu:22.04\n'],
    ['a registry with a port and a full tag', 'FROM registry.local:5000/team/app:1.4.2\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['an untagged FROM', 'FROM node\n', 1, 'no tag, so it means node:latest'],
    ['latest', 'FROM node:latest\n', 1, 'moving `latest` tag'],
    ['a bare major', 'FROM node:20\n', 1, 'only the major version 20'],
    ['a bare major with a variant', 'FROM python:3-slim\n', 1, 'only the major version 3'],
    ['a channel tag', 'FROM node:lts-alpine\n', 1, '`lts` channel'],
    ['a libc variant tag that moves with every release', 'FROM busybox:musl\n', 1, '`musl` channel'],
    ['latest through a global ARG', 'ARG TAG=latest\nFROM node:${TAG}\n', 2, '(node:latest)'],
    ['an unpinned builder stage', 'FROM golang AS build\nFROM scratch\n', 1, 'golang:latest'],
    ['a registry with a port but no tag', 'FROM registry.local:5000/team/app\n', 1, 'registry.local:5000/team/app:latest'],
    ['an image from an ARG without a default', 'ARG BASE\nFROM ${BASE}\n', 2, 'cannot be verified'],
    ['a tag from an ARG without a default', 'ARG TAG\nFROM node:${TAG}\n', 2, '`FROM node:${TAG}` uses a build argument with no default'],
    ['a variable that is never declared', 'FROM node:${TAG}\n', 1, 'cannot be verified'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/pin-base-image', line, column: 1, severity: 'warning', item: 'image.pin-versions' });
    expect(findings[0]?.message).toContain(message);
  });

  it('reports each unpinned stage at its own FROM', () => {
    expect(lint('FROM node:20 AS build\nRUN echo\nFROM nginx\n').map((finding) => finding.line)).toEqual([1, 3]);
  });
});

describe('dockerfile/pin-base-image on COPY --from=<image>', () => {
  const lintPin = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [pinBaseImage] }).findings;

  it.each([
    ['an untagged image', 'FROM alpine:3.19.1\nCOPY --from=hashicorp/terraform /bin/terraform /usr/local/bin/\n', 'has no tag'],
    ['a latest tag', 'FROM alpine:3.19.1\nCOPY --from=docker.io/library/busybox:latest /bin/busybox /bin/\n', 'latest'],
    ['a major-only tag', 'FROM alpine:3.19.1\nCOPY --from=node:20 /usr/local/bin/node /usr/local/bin/\n', 'major version'],
    ['a build argument without a default', 'ARG TOOLS\nFROM alpine:3.19.1\nCOPY --from=${TOOLS} /bin/tool /bin/\n', 'cannot be verified'],
  ])('flags %s', (_name, text, words) => {
    const findings = lintPin(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: text.startsWith('ARG') ? 3 : 2 });
    expect(findings[0]?.message).toContain('COPY --from');
    expect(findings[0]?.message).toContain(words);
  });

  it.each([
    ['a pinned image', 'FROM alpine:3.19.1\nCOPY --from=node:20.11.1-alpine3.19 /usr/local/bin/node /usr/local/bin/\n'],
    ['a digest', `FROM alpine:3.19.1\nCOPY --from=busybox@sha256:${'a'.repeat(64)} /bin/busybox /bin/\n`],
    ['a stage by name, whatever its case', 'FROM golang:1.22.1 AS Build\nRUN go build -o /app .\nFROM alpine:3.19.1\nCOPY --from=build /app /app\n'],
    ['a stage by index', 'FROM golang:1.22.1\nRUN go build -o /app .\nFROM alpine:3.19.1\nCOPY --from=0 /app /app\n'],
    ['a pinned image from a build argument default', 'ARG NODE=node:20.11.1-alpine3.19\nFROM alpine:3.19.1\nCOPY --from=${NODE} /usr/local/bin/node /usr/local/bin/\n'],
  ])('passes %s', (_name, text) => {
    expect(lintPin(text)).toEqual([]);
  });
});
