import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { disableIcc } from './disable-icc.js';

const lint = (text: string) => lintText(text, 'daemon.json', 'daemon', { rules: [disableIcc] }).findings;

describe('daemon/disable-icc', () => {
  it('passes icc false', () => {
    expect(lint('{ "icc": false }\n')).toEqual([]);
  });

  it('passes an engine with no default bridge, where icc applies to nothing', () => {
    expect(lint('{ "bridge": "none" }\n')).toEqual([]);
    expect(lint('{ "bridge": "docker1" }\n')).toHaveLength(1);
  });

  it.each([
    ['icc absent (reported where the object starts)', '{\n  "live-restore": true\n}\n', 1, 'does not set `"icc": false`'],
    ['icc true', '{\n  "log-level": "info",\n  "icc": true\n}\n', 3, '`icc` is true'],
    ['icc as the string "false"', '{ "icc": "false" }\n', 1, '`icc` is "false"'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'daemon/disable-icc', line, severity: 'info', item: 'host.benchmarks' });
    expect(findings[0]?.message).toContain(message);
  });
});
