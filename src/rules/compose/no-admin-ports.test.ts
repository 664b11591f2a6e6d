import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noAdminPorts } from './no-admin-ports.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noAdminPorts] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withPort = (...port: string[]) => compose('services:', '  web:', '    image: app:1.4.2', '    ports:', ...port);

describe('compose/no-admin-ports', () => {
  it.each([
    ['a web port', withPort('      - "8080:80"')],
    ['a port that contains 22', withPort('      - "2222:8022"')],
    ['a range that stops short of 2375', withPort('      - "2370-2374:2370-2374"')],
    ['port 22 only in expose', compose('services:', '  web:', '    expose: ["22"]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['SSH', withPort('      - "22:22"'), 22],
    ['SSH behind another host port', withPort('      - "2222:22"'), 22],
    ['SSH published on loopback', withPort('      - "127.0.0.1:22:22"'), 22],
    ['the plain Docker API', withPort('      - "2375:2375"'), 2375],
    ['the TLS Docker API', withPort('      - "2376:2376"'), 2376],
    ['the Docker API inside a range', withPort('      - "2370-2380:2370-2380"'), 2375],
    ['long syntax', withPort('      - target: 2375', '        published: 12375'), 2375],
    ['a container port only', withPort('      - "22"'), 22],
  ])('flags %s at the right line', (_name, text, port) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-admin-ports', line: 5, severity: 'error', item: 'network.ports' });
    expect(findings[0]?.message).toContain(`exposes port ${port}`);
  });
});
