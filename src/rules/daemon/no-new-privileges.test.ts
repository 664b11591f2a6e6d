import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noNewPrivileges } from './no-new-privileges.js';

const lint = (text: string) => lintText(text, 'daemon.json', 'daemon', { rules: [noNewPrivileges] }).findings;

describe('daemon/no-new-privileges', () => {
  it('passes no-new-privileges true', () => {
    expect(lint('{ "no-new-privileges": true }\n')).toEqual([]);
  });

  it.each([
    ['the key absent', '{ "icc": false }\n', 1, 'does not set `"no-new-privileges": true`'],
    ['false', '{\n  "icc": false,\n  "no-new-privileges": false\n}\n', 3, '`no-new-privileges` is false'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'daemon/no-new-privileges', line, severity: 'info', item: 'runtime.no-new-privileges' });
    expect(findings[0]?.message).toContain(message);
  });
});
