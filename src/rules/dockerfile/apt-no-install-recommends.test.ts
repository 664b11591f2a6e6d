import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { aptNoInstallRecommends } from './apt-no-install-recommends.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [aptNoInstallRecommends] }).findings;

describe('dockerfile/apt-no-install-recommends', () => {
  it.each([
    ['--no-install-recommends', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
    ['the flag before install', 'FROM debian:bookworm-slim\nRUN apt-get --no-install-recommends install -y curl\n'],
    ['the apt option', 'FROM debian:bookworm-slim\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n'],
    ['an apt.conf.d setting in an earlier RUN', 'FROM debian:bookworm-slim\nRUN echo \'APT::Install-Recommends "false";\' > /etc/apt/apt.conf.d/99norecommends\nRUN apt-get install -y curl\n'],
    ['apt-get in a builder stage only', 'FROM debian:bookworm AS build\nRUN apt-get install -y gcc\nFROM debian:bookworm-slim\n'],
    ['a word "install" elsewhere', 'FROM debian:bookworm-slim\nRUN apt-get update && make install\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['apt-get install -y', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n', 2, '`apt-get install -y curl`'],
    ['apt install', 'FROM ubuntu:22.04\nRUN apt install -y git\n', 2, 'apt install -y git'],
    ['in the parent of the final stage', 'FROM debian:bookworm-slim AS base\nRUN apt-get install -y curl\nFROM base\n', 2, 'curl'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/apt-no-install-recommends', line, column: 1, severity: 'info', item: 'image.minimal-base' });
    expect(findings[0]?.message).toContain(message);
  });
});
