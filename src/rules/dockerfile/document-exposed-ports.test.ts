import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { documentExposedPorts } from './document-exposed-ports.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [documentExposedPorts] }).findings;

describe('dockerfile/document-exposed-ports', () => {
  it.each([
    ['EXPOSE with CMD', 'FROM busybox:1.36.1\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080"]\n'],
    ['EXPOSE inherited from a parent stage', 'FROM busybox:1.36.1 AS base\nEXPOSE 8080\nFROM base\nCMD ["httpd"]\n'],
    ['no CMD or ENTRYPOINT (a base image)', 'FROM busybox:1.36.1\nRUN echo\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['CMD without EXPOSE', 'FROM busybox:1.36.1\nCMD ["httpd", "-f"]\n', 2, 'CMD ["httpd", "-f"]'],
    ['ENTRYPOINT without EXPOSE', 'FROM busybox:1.36.1\nENTRYPOINT /app\n', 2, 'ENTRYPOINT /app'],
    ['EXPOSE only in a builder stage', 'FROM busybox:1.36.1 AS build\nEXPOSE 80\nFROM busybox:1.36.1\nCMD ["httpd", "-f"]\n', 4, 'CMD'],
  ])('flags %s at the command', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/document-exposed-ports', line, column: 1, severity: 'info', item: 'image.expose' });
    expect(findings[0]?.message).toContain(message);
  });
});

describe('dockerfile/document-exposed-ports on images that serve nothing', () => {
  it.each([
    ['a runtime image whose command is its prompt', 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends python3\nCMD ["python3"]\n'],
    ['the official-image idiom of an entrypoint script and a bare runtime', 'FROM node:20.11.1-bookworm-slim\nCOPY docker-entrypoint.sh /usr/local/bin/\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node"]\n'],
    ['an interactive Ruby prompt (shell form)', 'FROM ruby:3.3.0-slim\nCMD irb\n'],
    ['a shell behind tini', 'FROM alpine:3.19.1\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["/bin/sh", "-l"]\n'],
    ['a command-line tool that prints its help by default', 'FROM alpine:3.19.1\nCOPY mytool /usr/local/bin/mytool\nENTRYPOINT ["mytool"]\nCMD ["--help"]\n'],
    ['PHP\'s interactive mode', 'FROM php:8.3.1-cli\nCMD ["php", "-a"]\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a runtime given a script', 'FROM node:20.11.1-alpine\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["node", "server.js"]\n'],
    ['python running a web module', 'FROM python:3.12.1-slim\nCMD ["python3", "-m", "http.server", "8000"]\n'],
    ['a shell running a start script', 'FROM alpine:3.19.1\nCMD ["sh", "/app/start.sh"]\n'],
    ['a CMD reset by a later ENTRYPOINT that starts a server', 'FROM alpine:3.19.1\nCMD ["sh"]\nENTRYPOINT ["/usr/local/bin/server"]\n'],
    ['a server whose -h option names its document root, not help', 'FROM busybox:1.36.1\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv/www"]\n'],
  ])('still flags %s', (_name, text) => {
    expect(lint(text)).toHaveLength(1);
  });
});
