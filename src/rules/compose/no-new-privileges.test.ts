import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noNewPrivileges } from './no-new-privileges.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noNewPrivileges] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/no-new-privileges', () => {
  it.each([
    ['no-new-privileges:true', compose('services:', '  web:', '    security_opt: ["no-new-privileges:true"]')],
    ['no-new-privileges=true', compose('services:', '  web:', '    security_opt: ["no-new-privileges=true"]')],
    ['the bare option', compose('services:', '  web:', '    security_opt:', '      - no-new-privileges')],
    ['no-new-privileges:1', compose('services:', '  web:', '    security_opt: ["no-new-privileges:1"]')],
    ['beside other options', compose('services:', '  web:', '    security_opt:', '      - apparmor:docker-default', '      - no-new-privileges:true')],
    ['from an extends base', compose('services:', '  base:', '    security_opt: [no-new-privileges:true]', '  web:', '    extends: { service: base }')],
    ['from a YAML merge key', compose('x-h: &h', '  security_opt: [no-new-privileges:true]', 'services:', '  web:', '    <<: *h')],
    ['nothing here, but a base in another file', compose('services:', '  web:', '    extends: { file: base.yaml, service: app }')],
  ])('passes %s', (_name, text) => {
    expect(lint(text).filter((finding) => finding.message.includes('service web'))).toEqual([]);
  });

  it.each([
    ['no security_opt', compose('services:', '  web:', '    image: nginx:1.25.3'), 2],
    ['other options only', compose('services:', '  web:', '    image: nginx:1.25.3', '    security_opt:', '      - apparmor:docker-default'), 5],
    ['no-new-privileges:false', compose('services:', '  web:', '    security_opt: ["no-new-privileges:false"]'), 3],
    ['no-new-privileges=false in a list', compose('services:', '  web:', '    security_opt:', '      - label:type:svirt_t', '      - no-new-privileges=false'), 5],
    ['a typo', compose('services:', '  web:', '    security_opt: ["no-new-privilege:true"]'), 3],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-new-privileges', line, severity: 'warning', item: 'runtime.no-new-privileges' });
  });

  it('says when it is switched off explicitly', () => {
    expect(lint(compose('services:', '  web:', '    security_opt: ["no-new-privileges:false"]'))[0]?.message).toContain('switches no-new-privileges off');
  });
});
