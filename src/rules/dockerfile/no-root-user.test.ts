import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noRootUser } from './no-root-user.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noRootUser] }).findings;

describe('dockerfile/no-root-user', () => {
  it.each([
    ['a numeric non-root user', 'FROM busybox:1.36.1\nUSER 10001\n'],
    ['a numeric user and group', 'FROM busybox:1.36.1\nUSER 10001:10001\n'],
    ['a named user', 'FROM busybox:1.36.1\nUSER app\n'],
    ['a non-root user with group 0', 'FROM busybox:1.36.1\nUSER 1001:0\n'],
    ['root in a builder stage, non-root in the final one', 'FROM busybox AS build\nUSER root\nFROM busybox\nUSER 10001\n'],
    ['a final stage inheriting USER from an earlier stage', 'FROM busybox AS base\nUSER 10001\nFROM base\nCMD ["sh"]\n'],
    ['root first, then a non-root user last', 'FROM busybox\nUSER root\nRUN echo\nUSER 10001\n'],
    ['a USER set from an ARG default', 'FROM busybox\nARG UID=10001\nUSER ${UID}\n'],
    ['a USER set from ENV', 'FROM busybox\nENV APP_UID=10001\nUSER $APP_UID\n'],
    ['a USER whose variable cannot be resolved statically', 'FROM busybox\nARG UID\nUSER $UID\n'],
    ['no USER on distroless :nonroot, which runs as 65532', 'FROM golang:1.23.4 AS build\nRUN go build -o /app .\nFROM gcr.io/distroless/static-debian12:nonroot\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n'],
    ['no USER on a digest-pinned distroless debug-nonroot', 'FROM gcr.io/distroless/base-debian12:debug-nonroot@sha256:' + 'a'.repeat(64) + '\n'],
    ['no USER on NGINX\'s unprivileged image', 'FROM nginxinc/nginx-unprivileged:1.27.3-alpine\nCOPY site /usr/share/nginx/html\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no USER on distroless :latest, which runs as root', 'FROM gcr.io/distroless/static-debian12:latest\n', 1],
    ['USER root on distroless :nonroot', 'FROM gcr.io/distroless/static-debian12:nonroot\nUSER root\n', 2],
    ['USER 0', 'FROM busybox\nUSER 0\n', 2],
    ['USER root', 'FROM busybox\nUSER root\n', 2],
    ['USER root:root', 'FROM busybox\nUSER root:root\n', 2],
    ['USER 0:0', 'FROM busybox\nUSER 0:0\n', 2],
    ['USER 0:1000 (the group does not matter)', 'FROM busybox\nUSER 0:1000\n', 2],
    ['USER 000', 'FROM busybox\nUSER 000\n', 2],
    ['no USER at all', 'FROM busybox:1.36.1\nCMD ["sh"]\n', 1],
    ['USER only in a builder stage', 'FROM busybox AS build\nUSER 10001\nFROM busybox\nCMD ["sh"]\n', 3],
    ['a later USER root undoing the fix', 'FROM busybox\nUSER 10001\nRUN echo\nUSER root\n', 4],
    ['scratch with no USER', 'FROM scratch\nCOPY app /app\n', 1],
    ['root through an ARG default', 'FROM busybox\nARG RUN_AS=root\nUSER $RUN_AS\n', 3],
    ['an inherited root USER', 'FROM busybox AS base\nUSER 0\nFROM base\n', 2],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-root-user', line, item: 'runtime.non-root', severity: 'error' });
  });

  it('names the base image when USER is missing', () => {
    expect(lint('FROM busybox:1.36.1\n')[0]?.message).toContain('busybox:1.36.1');
  });

  it('honours a suppression with a reason, unless told not to', () => {
    const text = 'FROM busybox\n# shipshape-ignore dockerfile/no-root-user -- this image only runs a root-owned migration\nUSER 0\n';
    expect(lint(text)).toEqual([]);
    expect(lintDockerfile(text, 'Dockerfile', { rules: [noRootUser], honourSuppressions: false }).findings).toHaveLength(1);
  });

  it('ignores a suppression without a reason', () => {
    expect(lint('FROM busybox\n# shipshape-ignore dockerfile/no-root-user\nUSER 0\n')).toHaveLength(1);
  });
});

describe('dockerfile/no-root-user on Windows images', () => {
  it.each([
    ['Nano Server without USER (it starts as ContainerUser)', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY app.exe C:/app/\nCMD ["C:\\\\app\\\\app.exe"]\n'],
    ['Server Core switching to ContainerUser', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER ContainerUser\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['Server Core without USER', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD ["cmd"]\n', 'ContainerAdministrator'],
    ['an explicit USER ContainerAdministrator', 'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerAdministrator\n', 'Windows administrator'],
  ])('flags %s with Windows advice, not a uid', (_name, text, words) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.message).toContain(words);
    expect(findings[0]?.message).toContain('USER ContainerUser');
    expect(findings[0]?.message).not.toMatch(/uid|10001/);
  });
});
