import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { usernsRemap } from './userns-remap.js';

const lint = (text: string) => lintText(text, 'daemon.json', 'daemon', { rules: [usernsRemap] }).findings;

describe('daemon/userns-remap', () => {
  it.each([
    ['default', '{ "userns-remap": "default" }\n'],
    ['a named user', '{ "userns-remap": "dockremap:dockremap" }\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['the key absent', '{ "icc": false }\n', 1],
    ['an empty string', '{\n  "icc": false,\n  "userns-remap": ""\n}\n', 3],
  ])('flags %s', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'daemon/userns-remap', line, severity: 'info', item: 'host.rootless' });
    expect(findings[0]?.message).toContain('root in a container is root on the host');
  });
});
