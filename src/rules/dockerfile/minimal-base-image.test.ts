import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { minimalBaseImage } from './minimal-base-image.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [minimalBaseImage] }).findings;

describe('dockerfile/minimal-base-image', () => {
  it.each([
    ['alpine', 'FROM node:20.11.1-alpine3.19\n'],
    ['slim', 'FROM python:3.12.1-slim-bookworm\n'],
    ['debian slim', 'FROM debian:bookworm-slim\n'],
    ['distroless', 'FROM gcr.io/distroless/nodejs20-debian12\n'],
    ['chainguard', 'FROM cgr.dev/chainguard/node:latest\n'],
    ['scratch', 'FROM scratch\n'],
    ['UBI minimal', 'FROM registry.access.redhat.com/ubi9/ubi-minimal:9.3\n'],
    ['a full image only in the builder stage', 'FROM node:20.11.1 AS build\nRUN npm ci\nFROM node:20.11.1-alpine\nCOPY --from=build /app /app\n'],
    ['an image it does not know', 'FROM example/app-runtime:1.2.3\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['ubuntu', 'FROM ubuntu:22.04\n', 1, 'ubuntu:22.04'],
    ['debian by version', 'FROM debian:12\n', 1, 'debian:12'],
    ['a full node image', 'FROM node:20.11.1\n', 1, 'node:20.11.1'],
    ['a full python image', 'FROM python:3.12.1\n', 1, 'python:3.12.1'],
    ['an untagged full image', 'FROM node\n', 1, 'node'],
    ['Docker Hub library path', 'FROM docker.io/library/golang:1.22.1\n', 1, 'golang'],
    ['a final stage built on a full stage', 'FROM python:3.12.1 AS base\nRUN echo\nFROM base\n', 1, 'through its parent stages'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/minimal-base-image', line, column: 1, severity: 'warning' });
    expect(findings[0]?.message).toContain(message);
  });
});

describe('dockerfile/minimal-base-image on Windows images', () => {
  it('suggests Nano Server, not alpine, for Server Core', () => {
    const findings = lint('FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain('Nano Server');
    expect(findings[0]?.message).not.toMatch(/alpine|distroless/);
    expect(lint('FROM python:3.12.1-windowsservercore-ltsc2022\nCMD ["python"]\n')[0]?.message).toContain('Nano Server');
  });

  it('accepts Nano Server', () => {
    expect(lint('FROM mcr.microsoft.com/dotnet/aspnet:8.0-nanoserver-ltsc2022\nCMD ["dotnet", "app.dll"]\n')).toEqual([]);
  });
});
