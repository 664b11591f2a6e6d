import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noDangerousCapabilities } from './no-dangerous-capabilities.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noDangerousCapabilities] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const adding = (capability: string) => compose('services:', '  web:', '    cap_drop: [ALL]', '    cap_add:', `      - ${capability}`);

describe('compose/no-dangerous-capabilities', () => {
  it.each([
    ['no cap_add', compose('services:', '  web:', '    cap_drop: [ALL]')],
    ['NET_BIND_SERVICE', adding('NET_BIND_SERVICE')],
    ['CHOWN (a warning elsewhere)', adding('CHOWN')],
    ['SYS_ADMIN dropped, not added', compose('services:', '  web:', '    cap_drop: [SYS_ADMIN]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['SYS_ADMIN', 'SYS_ADMIN'],
    ['CAP_SYS_ADMIN', 'CAP_SYS_ADMIN'],
    ['lower-case sys_admin', 'sys_admin'],
    ['cap_sys_admin', 'cap_sys_admin'],
    ['NET_ADMIN', 'NET_ADMIN'],
    ['SYS_PTRACE', 'SYS_PTRACE'],
    ['SYS_MODULE', 'SYS_MODULE'],
    ['DAC_READ_SEARCH', 'DAC_READ_SEARCH'],
    ['ALL', 'ALL'],
    ['all', 'all'],
    ['BPF', 'BPF'],
  ])('flags %s at the right line', (_name, capability) => {
    const findings = lint(adding(capability));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-dangerous-capabilities', line: 5, severity: 'error', item: 'runtime.drop-capabilities' });
  });

  it('says what SYS_ADMIN gives', () => {
    expect(lint(compose('services:', '  web:', '    cap_add: [SYS_ADMIN]'))[0]?.message).toBe(
      "`cap_add: [SYS_ADMIN]` in service web gives it most of root's power (mount, namespaces, BPF, and the classic escapes)",
    );
  });

  it('flags each dangerous entry of a list and only those', () => {
    const findings = lint(compose('services:', '  web:', '    cap_add:', '      - NET_BIND_SERVICE', '      - SYS_PTRACE', '      - CHOWN', '      - NET_ADMIN'));
    expect(findings.map((finding) => finding.line)).toEqual([5, 7]);
  });
});
