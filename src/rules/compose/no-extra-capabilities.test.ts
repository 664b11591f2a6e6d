import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noExtraCapabilities } from './no-extra-capabilities.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noExtraCapabilities] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const adding = (capability: string) => compose('services:', '  web:', '    cap_drop: [ALL]', '    cap_add:', `      - ${capability}`);

describe('compose/no-extra-capabilities', () => {
  it.each([
    ['no cap_add', compose('services:', '  web:', '    cap_drop: [ALL]')],
    ['NET_BIND_SERVICE', adding('NET_BIND_SERVICE')],
    ['CAP_NET_BIND_SERVICE', adding('CAP_NET_BIND_SERVICE')],
    ['net_bind_service', adding('net_bind_service')],
    ['SYS_ADMIN (an error under no-dangerous-capabilities instead)', adding('SYS_ADMIN')],
    ['ALL (an error under no-dangerous-capabilities instead)', adding('ALL')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([['CHOWN'], ['SETUID'], ['CAP_SETGID'], ['net_raw'], ['DAC_OVERRIDE']])('flags %s at the right line', (capability) => {
    const findings = lint(adding(capability));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-extra-capabilities', line: 5, severity: 'warning', item: 'runtime.drop-capabilities' });
  });

  it('names the capability without its prefix', () => {
    expect(lint(adding('cap_chown'))[0]?.message).toContain('gives back CHOWN');
  });
});
