import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { liveRestore } from './live-restore.js';

const lint = (text: string) => lintText(text, 'daemon.json', 'daemon', { rules: [liveRestore] }).findings;

describe('daemon/live-restore', () => {
  it('passes live-restore true', () => {
    expect(lint('{ "live-restore": true }\n')).toEqual([]);
  });

  it.each([
    ['the key absent', '{ "icc": false }\n', 1, 'does not set `"live-restore": true`'],
    ['false', '{\n  "live-restore": false\n}\n', 2, '`live-restore` is false'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'daemon/live-restore', line, severity: 'info', item: 'host.benchmarks' });
    expect(findings[0]?.message).toContain(message);
  });

  it('lints a complete hardened daemon.json clean with every daemon rule', () => {
    const text = '{\n  "icc": false,\n  "no-new-privileges": true,\n  "userns-remap": "default",\n  "live-restore": true,\n  "hosts": ["unix:///var/run/docker.sock"]\n}\n';
    expect(lintText(text, 'daemon.json', 'daemon').findings).toEqual([]);
  });
});
