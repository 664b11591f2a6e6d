import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noUnconfinedProfiles } from './no-unconfined-profiles.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noUnconfinedProfiles] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withOption = (option: string) => compose('services:', '  web:', '    security_opt:', '      - no-new-privileges:true', `      - "${option}"`);

describe('compose/no-unconfined-profiles', () => {
  it.each([
    ['no security_opt', compose('services:', '  web:', '    image: nginx:1.25.3')],
    ['no-new-privileges only', compose('services:', '  web:', '    security_opt: [no-new-privileges:true]')],
    ['a custom seccomp profile', withOption('seccomp:./seccomp.json')],
    ['a named AppArmor profile', withOption('apparmor=docker-default')],
    ['an SELinux type', withOption('label:type:svirt_apache_t')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['seccomp:unconfined'],
    ['seccomp=unconfined'],
    ['seccomp:Unconfined'],
    ['apparmor:unconfined'],
    ['apparmor=unconfined'],
    ['label:disable'],
    ['label=disable'],
    ['systempaths=unconfined'],
  ])('flags %s at the right line', (option) => {
    const findings = lint(withOption(option));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-unconfined-profiles', line: 5, severity: 'error', item: 'runtime.seccomp-lsm' });
    expect(findings[0]?.message).toContain(option);
  });
});
