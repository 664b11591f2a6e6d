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
