import { describe, expect, it } from 'vitest';
import { lintDockerfile } from '../engine.js';
import { noSshPort } from './no-ssh-port.js';

const lint = (text: string) => lintDockerfile(text, 'Dockerfile', { rules: [noSshPort] }).findings;

describe('dockerfile/no-ssh-port', () => {
  it.each([
    ['a web port', 'FROM busybox:1.36.1\nEXPOSE 8080\n'],
    ['port 2222 (not 22)', 'FROM busybox:1.36.1\nEXPOSE 2222\n'],
    ['22/udp', 'FROM busybox:1.36.1\nEXPOSE 22/udp\n'],
    ['22 only in a builder stage', 'FROM busybox:1.36.1 AS build\nEXPOSE 22\nFROM busybox:1.36.1\nEXPOSE 80\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['EXPOSE 22', 'FROM busybox:1.36.1\nEXPOSE 22\n', '22'],
    ['22/tcp among others', 'FROM busybox:1.36.1\nEXPOSE 80 22/tcp\n', '22/tcp'],
    ['a range covering 22', 'FROM busybox:1.36.1\nEXPOSE 20-25\n', '20-25'],
  ])('flags %s', (_name, text, port) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'dockerfile/no-ssh-port', line: 2, column: 1, severity: 'warning', item: 'network.ports', message: `\`EXPOSE ${port}\` advertises an SSH daemon in the container` });
  });
});
