import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { readOnlyRootfs } from './read-only-rootfs.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [readOnlyRootfs] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/read-only-rootfs', () => {
  it.each([
    ['read_only: true', compose('services:', '  web:', '    read_only: true', '    tmpfs: [/tmp]')],
    ['read_only: "true"', compose('services:', '  web:', '    read_only: "true"')],
    ['an interpolated value', compose('services:', '  web:', '    read_only: ${READ_ONLY}')],
    ['from an extends base', compose('services:', '  base:', '    read_only: true', '  web:', '    extends: base')],
    ['from a YAML merge key', compose('x-h: &h', '  read_only: true', 'services:', '  web:', '    <<: *h')],
    ['nothing here, but a base in another file', compose('services:', '  web:', '    extends: { file: base.yaml, service: app }')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no read_only', compose('services:', '  web:', '    image: nginx:1.25.3'), 2],
    ['read_only: false', compose('services:', '  web:', '    image: nginx:1.25.3', '    read_only: false'), 4],
    ['read_only: "false"', compose('services:', '  web:', '    read_only: "false"'), 3],
    ['a child overriding its base with false', compose('services:', '  base:', '    read_only: true', '  web:', '    extends: base', '    read_only: false'), 6],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/read-only-rootfs', line, severity: 'warning', item: 'runtime.read-only-rootfs' });
  });

  it('suggests tmpfs for /tmp only when the service has none', () => {
    expect(lint(compose('services:', '  web:', '    image: nginx:1.25.3'))[0]?.message).toContain('tmpfs: [/tmp]');
    expect(lint(compose('services:', '  web:', '    tmpfs: [/run]'))[0]?.message).not.toContain('tmpfs');
  });
});
