import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noSudo } from './no-sudo.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noSudo] }).findings;

describe('dockerfile/no-sudo', () => {
  it.each([
    ['a plain RUN', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n'],
    ['sudo as part of a word', 'FROM debian:bookworm-slim\nRUN echo pseudonym > /x && cp sudoers.example /tmp/\n'],
    ['a package whose name starts with sudo', 'FROM debian:bookworm-slim\nRUN apt-get install -y sudo-ldap-docs\n'],
    ['sudo installed in a builder stage only', 'FROM debian:bookworm-slim AS build\nRUN apt-get install -y sudo make\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /out/app /app\n'],
    ['sudo installed and purged in the same RUN', 'FROM debian:bookworm-slim\nRUN apt-get install -y sudo && ./configure-as-root.sh && apt-get purge -y sudo\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['sudo at the start', 'FROM debian:bookworm-slim\nRUN sudo apt-get update\n', 'calls sudo'],
    ['sudo after &&', 'FROM debian:bookworm-slim\nRUN cd /app && sudo make install\n', 'calls sudo'],
    ['installing the sudo package', 'FROM debian:bookworm-slim\nRUN apt-get install -y curl sudo\n', 'installs the sudo package'],
    ['apk add sudo', 'FROM alpine:3.19.1\nRUN apk add --no-cache sudo\n', 'installs the sudo package'],
    ['sudo called in a builder stage (DL3004 says the same)', 'FROM debian:bookworm-slim AS build\nRUN sudo make\nFROM scratch\n', 'calls sudo'],
  ])('flags %s', (_name, text, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-sudo', line: 2, column: 1, severity: 'warning', item: 'runtime.non-root' });
    expect(findings[0]?.message).toContain(message);
  });
});
