import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { stripSetuidBits } from './strip-setuid-bits.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [stripSetuidBits] }).findings;

describe('dockerfile/strip-setuid-bits', () => {
  it.each([
    ['the find/chmod a-s idiom', 'FROM debian:bookworm-slim\nRUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true\n'],
    ['chmod u-s,g-s on named files', 'FROM debian:bookworm-slim\nRUN chmod u-s,g-s /usr/bin/passwd /bin/su\n'],
    ["GNU chmod's -s", 'FROM debian:bookworm-slim\nRUN chmod -s /usr/bin/newgrp\n'],
    ['stripping in a parent stage of the final one', 'FROM alpine:3.19.1 AS base\nRUN find / -perm /6000 -type f -exec chmod a-s {} +\nFROM base\n'],
    ['scratch', 'FROM scratch\nCOPY app /app\n'],
    ['distroless', 'FROM gcr.io/distroless/static-debian12\nCOPY app /app\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no strip at all', 'FROM debian:bookworm-slim\nRUN echo hi\n', 1],
    ['a strip only in a builder stage', 'FROM alpine:3.19.1 AS build\nRUN find / -perm /6000 -exec chmod a-s {} +\nFROM alpine:3.19.1\n', 3],
    ['a find that lists SUID files without changing them', 'FROM alpine:3.19.1\nRUN find / -perm /6000 -type f\n', 1],
    ['chmod a+s (the opposite)', 'FROM alpine:3.19.1\nRUN chmod a+s /bin/busybox\n', 1],
  ])('flags %s at the final FROM', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/strip-setuid-bits', line, column: 1, severity: 'info', item: 'image.no-suid' });
  });
});

describe('dockerfile/strip-setuid-bits on Windows images', () => {
  it.each([
    ['Server Core', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command Write-Host ready\n'],
    ['a Windows variant of a language image', 'FROM python:3.12.1-windowsservercore-ltsc2022\nCMD ["python"]\n'],
    ['an unknown base with a PowerShell SHELL', 'FROM registry.example/win-base:2.1.0\nSHELL ["powershell", "-Command"]\nRUN Write-Host ready\n'],
  ])('gives no chmod advice for %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('still advises a Linux variant of the same image', () => {
    expect(lint('FROM python:3.12.1-slim-bookworm\nCMD ["python"]\n')).toHaveLength(1);
  });
});
