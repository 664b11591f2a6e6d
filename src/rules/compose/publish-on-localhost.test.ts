import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { publishOnLocalhost } from './publish-on-localhost.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [publishOnLocalhost] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withPort = (...port: string[]) => compose('services:', '  web:', '    image: app:1.4.2', '    ports:', ...port);

describe('compose/publish-on-localhost', () => {
  it.each([
    ['no ports', compose('services:', '  web:', '    image: app:1.4.2')],
    ['expose only (not published)', compose('services:', '  web:', '    expose: ["3000"]')],
    ['loopback', withPort('      - "127.0.0.1:8080:80"')],
    ['loopback with a random host port', withPort('      - "127.0.0.1::80"')],
    ['IPv6 loopback in brackets', withPort('      - "[::1]:8080:80"')],
    ['IPv6 loopback without brackets', withPort('      - "::1:8080:80"')],
    ['a specific interface address', withPort('      - "10.0.0.5:8080:80"')],
    ['long syntax with host_ip', withPort('      - target: 80', '        published: "8080"', '        host_ip: 127.0.0.1')],
    ['an interpolated port', withPort('      - "${WEB_PORT}:80"')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['"8080:80"', withPort('      - "8080:80"')],
    ['an unquoted mapping', withPort('      - 8080:80')],
    ['a container port only (random host port)', withPort('      - "80"')],
    ['a container port as a number', withPort('      - 3000')],
    ['a range', withPort('      - "9000-9001:9000-9001"')],
    ['a protocol suffix', withPort('      - "5353:53/udp"')],
    ['0.0.0.0 written out', withPort('      - "0.0.0.0:8080:80"')],
    ['long syntax without host_ip', withPort('      - target: 80', '        published: 8080')],
    ['long syntax with host_ip 0.0.0.0', withPort('      - target: 80', '        host_ip: 0.0.0.0')],
  ])('flags %s at the right line', (_name, text) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/publish-on-localhost', line: 5, severity: 'info', item: 'network.ports' });
    expect(findings[0]?.message).toContain('127.0.0.1:');
  });

  it('flags only the public entries of a list', () => {
    const findings = lint(withPort('      - "127.0.0.1:5432:5432"', '      - "8080:80"'));
    expect(findings.map((finding) => finding.line)).toEqual([6]);
  });
});
