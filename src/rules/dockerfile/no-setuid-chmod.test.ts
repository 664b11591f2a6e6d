import { describe, expect, it } from 'vitest';
import { lintDockerfile, lintText } from '../engine.js';
import { noSetuidChmod } from './no-setuid-chmod.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noSetuidChmod] }).findings;

describe('dockerfile/no-setuid-chmod', () => {
  it.each([
    ['an ordinary mode', 'FROM alpine:3.19.1\nRUN chmod 755 /usr/local/bin/app\n'],
    ['stripping bits', 'FROM alpine:3.19.1\nRUN chmod a-s /bin/su\n'],
    ['the sticky bit on a temp directory', 'FROM alpine:3.19.1\nRUN chmod 1777 /tmp/shared\n'],
    ['u+x', 'FROM alpine:3.19.1\nRUN chmod u+x,g+r /app/run.sh\n'],
    ['a file literally named "s"', 'FROM alpine:3.19.1\nRUN echo chmod > s\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['chmod u+s', 'FROM alpine:3.19.1\nRUN chmod u+s /usr/local/bin/app\n', 'u+s'],
    ['chmod +s', 'FROM alpine:3.19.1\nRUN chmod +s /usr/local/bin/app\n', '+s'],
    ['chmod g+s', 'FROM alpine:3.19.1\nRUN chmod g+s /usr/local/bin/app\n', 'g+s'],
    ['chmod 4755', 'FROM alpine:3.19.1\nRUN chmod 4755 /usr/local/bin/app\n', '4755'],
    ['chmod 2755 after -R', 'FROM alpine:3.19.1\nRUN chmod -R 2755 /opt/app\n', '2755'],
    ['chmod 06755', 'FROM alpine:3.19.1\nRUN chmod 06755 /opt/app\n', '06755'],
    ['chmod u=rwxs in a longer command', 'FROM alpine:3.19.1\nRUN cp /bin/busybox /x && chmod u=rwxs /x\n', 'u=rwxs'],
    ['in a builder stage (COPY --from keeps the mode)', 'FROM alpine:3.19.1 AS build\nRUN chmod 4755 /x\nFROM scratch\nCOPY --from=build /x /x\n', '4755'],
  ])('flags %s', (_name, text, mode) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-setuid-chmod', line: 2, column: 1, severity: 'error', item: 'image.no-suid' });
    expect(findings[0]?.message).toContain(`(mode ${mode})`);
  });

  it.each([
    ['chmod by its absolute path', 'FROM busybox:1.36.1\nRUN /bin/chmod u+s /usr/local/bin/helper\n'],
    ['install -m 4755', 'FROM busybox:1.36.1\nRUN install -m 4755 helper /usr/local/bin/helper\n'],
    ['install --mode=u+s', 'FROM busybox:1.36.1\nRUN install --mode=u+s helper /usr/local/bin/helper\n'],
  ])('also sees %s', (_name, text) => {
    const findings = lintText(text, 'Dockerfile', 'dockerfile', { rules: [noSetuidChmod] }).findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-setuid-chmod', line: 2 });
  });

  it('accepts install with an ordinary mode', () => {
    expect(lintText('FROM busybox:1.36.1\nRUN install -m 0755 helper /usr/local/bin/helper\n', 'Dockerfile', 'dockerfile', { rules: [noSetuidChmod] }).findings).toEqual([]);
  });
});

describe('dockerfile/no-setuid-chmod on directories', () => {
  const lintAny = (text: string) => lintText(text, 'Dockerfile', 'dockerfile', { rules: [noSetuidChmod] }).findings;

  it.each([
    ['install -d with setgid plus sticky', 'FROM debian:bookworm-slim\nRUN install --directory --mode 3777 /var/spool/drop\n'],
    ['install -d -m 2775 for a shared group folder', 'FROM debian:bookworm-slim\nRUN install -d -m 2775 -o www-data -g www-data /srv/uploads\n'],
    ['install -dm2770 in one cluster', 'FROM alpine:3.19.1\nRUN install -dm2770 /var/lib/queue\n'],
    ['mkdir -m 2775', 'FROM alpine:3.19.1\nRUN mkdir -p -m 2775 /srv/shared\n'],
    ['chmod g+s on a directory the same RUN created', 'FROM alpine:3.19.1\nRUN mkdir -p /srv/team && chown :1000 /srv/team && chmod g+s /srv/team\n'],
    ['chmod 2775 on a path written as a directory', 'FROM alpine:3.19.1\nRUN chmod 2775 /srv/team/\n'],
    ['find -type d -exec chmod g+s', 'FROM alpine:3.19.1\nRUN find /srv/data -type d -exec chmod g+s {} +\n'],
  ])('passes %s', (_name, text) => {
    expect(lintAny(text)).toEqual([]);
  });

  it.each([
    ['install of a file with 4755 next to a directory install', 'FROM alpine:3.19.1\nRUN install -d /opt/tool && install -m 4755 tool /opt/tool/tool\n'],
    ['install -Dm4755 (creates parents, installs a file)', 'FROM alpine:3.19.1\nRUN install -Dm4755 helper /usr/local/bin/helper\n'],
    ['recursive chmod g+s on a created directory (reaches its files)', 'FROM alpine:3.19.1\nRUN mkdir -p /srv/team && chmod -R g+s /srv/team\n'],
    ['chmod u+s on a file inside a created directory', 'FROM alpine:3.19.1\nRUN mkdir -p /opt/bin && cp /bin/busybox /opt/bin/bb && chmod u+s /opt/bin/bb\n'],
    ['find -type f -exec chmod u+s', 'FROM alpine:3.19.1\nRUN find /opt/bin -type f -exec chmod u+s {} +\n'],
  ])('still flags %s', (_name, text) => {
    expect(lintAny(text)).toHaveLength(1);
  });
});
