import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { tlsForTcpSocket } from './tls-for-tcp-socket.js';

const lint = (text: string) => lintText(text, 'daemon.json', 'daemon', { rules: [tlsForTcpSocket] }).findings;

describe('daemon/tls-for-tcp-socket', () => {
  it.each([
    ['no hosts at all', '{}\n'],
    ['only the unix socket', '{ "hosts": ["unix:///var/run/docker.sock", "fd://"] }\n'],
    ['TCP with tlsverify', '{\n  "hosts": ["tcp://0.0.0.0:2376"],\n  "tlsverify": true,\n  "tlscacert": "/etc/docker/ca.pem"\n}\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it('flags a plain TCP listener at its array entry', () => {
    const findings = lint('{\n  "hosts": [\n    "unix:///var/run/docker.sock",\n    "tcp://0.0.0.0:2375"\n  ]\n}\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'daemon/tls-for-tcp-socket', line: 4, column: 5, severity: 'error', item: 'host.benchmarks' });
    expect(findings[0]?.message).toContain('tcp://0.0.0.0:2375 without `tlsverify: true`');
  });

  it('flags tls without verification', () => {
    const findings = lint('{ "hosts": ["tcp://10.0.0.5:2376"], "tls": true }\n');
    expect(findings[0]?.message).toContain('with `tls: true` but no `tlsverify: true`: the connection is encrypted, yet any client');
  });

  it('flags tlsverify written as a string', () => {
    expect(lint('{ "hosts": ["tcp://127.0.0.1:2375"], "tlsverify": "true" }\n')).toHaveLength(1);
  });

  it('flags every TCP listener', () => {
    expect(lint('{ "hosts": ["tcp://0.0.0.0:2375", "TCP://[::]:2375"] }\n')).toHaveLength(2);
  });
});
