import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { trustedBaseImage } from './trusted-base-image.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [trustedBaseImage] }).findings;

describe('dockerfile/trusted-base-image', () => {
  it.each([
    ['an Official Image', 'FROM node:20.11.1-alpine\n'],
    ['the library path', 'FROM library/python:3.12.1-slim\n'],
    ['docker.io/library', 'FROM docker.io/library/node:20.11.1\n'],
    ['distroless', 'FROM gcr.io/distroless/static-debian12:nonroot\n'],
    ['chainguard', 'FROM cgr.dev/chainguard/node:latest\n'],
    ['Microsoft', 'FROM mcr.microsoft.com/dotnet/aspnet:8.0.2\n'],
    ['Red Hat', 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3\n'],
    ['scratch', 'FROM scratch\n'],
    ['an earlier stage', 'FROM node:20.11.1 AS build\nFROM build\n'],
    ['an unknowable ARG image', 'ARG BASE\nFROM $BASE\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a user repository on Docker Hub', 'FROM randomuser/node:20.11.1\n', 1, 'randomuser/node is neither'],
    ['an image on ghcr.io', 'FROM ghcr.io/someone/base:1.0.0\n', 1, 'ghcr.io/someone/base'],
    ['a lookalike of the distroless path', 'FROM gcr.io/distroless-fake/static\n', 1, 'gcr.io/distroless-fake/static'],
    ['a docker.io user path', 'FROM docker.io/someone/python:3.12.1\n', 1, 'docker.io/someone/python'],
    ['an untrusted builder stage', 'FROM evil/golang:1.22.1 AS build\nFROM scratch\n', 1, 'evil/golang'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/trusted-base-image', line, column: 1, severity: 'info', item: 'image.trusted-sources' });
    expect(findings[0]?.message).toContain(message);
  });
});

describe('dockerfile/trusted-base-image on COPY --from=<image>', () => {
  const lintTrusted = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [trustedBaseImage] }).findings;

  it('asks who publishes an image files are copied from', () => {
    const findings = lintTrusted('FROM alpine:3.19.1\nCOPY --from=someone/kubectl:1.29.2 /usr/bin/kubectl /usr/local/bin/\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, rule: 'dockerfile/trusted-base-image' });
    expect(findings[0]?.message).toContain('COPY --from');
  });

  it('accepts official images and stages', () => {
    expect(lintTrusted('FROM alpine:3.19.1 AS tools\nFROM alpine:3.19.1\nCOPY --from=tools /x /x\nCOPY --from=busybox:1.36.1 /bin/busybox /bin/\n')).toEqual([]);
  });
});
