import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { dropAllCapabilities } from './drop-all-capabilities.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [dropAllCapabilities] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/drop-all-capabilities', () => {
  it.each([
    ['cap_drop: [ALL]', compose('services:', '  web:', '    cap_drop: [ALL]')],
    ['lower-case all', compose('services:', '  web:', '    cap_drop: [all]')],
    ['ALL beside other names', compose('services:', '  web:', '    cap_drop:', '      - NET_RAW', '      - ALL')],
    ['ALL with NET_BIND_SERVICE added back', compose('services:', '  web:', '    cap_drop: [ALL]', '    cap_add: [NET_BIND_SERVICE]')],
    ['ALL from a YAML merge key', compose('x-hardened: &hardened', '  cap_drop: [ALL]', 'services:', '  web:', '    <<: *hardened')],
    ['ALL from an extends base', compose('services:', '  base:', '    cap_drop: [ALL]', '  web:', '    extends: { service: base }')],
    ['ALL from a base named by the short extends form', compose('services:', '  base:', '    cap_drop: [ALL]', '  web:', '    extends: base')],
    ['no cap_drop but a base in another file', compose('services:', '  web:', '    extends: { file: common.yaml, service: hardened }')],
    ['an extends base that cannot be found (nothing to judge)', compose('services:', '  web:', '    extends: { service: missing }')],
    ['some names but a base in another file', compose('services:', '  web:', '    extends: { file: common.yaml, service: hardened }', '    cap_drop: [NET_RAW]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no cap_drop at all', compose('services:', '  web:', '    image: nginx:1.25.3'), 2],
    ['an empty flow service', compose('services:', '  web: {}'), 2],
    ['cap_drop: [NET_RAW] instead of ALL', compose('services:', '  web:', '    image: nginx:1.25.3', '    cap_drop: [NET_RAW]'), 4],
    ['a list of names without ALL', compose('services:', '  web:', '    cap_drop:', '      - CHOWN', '      - SETUID'), 4],
    ['CAP_ALL, which Docker rejects', compose('services:', '  web:', '    cap_drop: [CAP_ALL]'), 3],
    ['CAP_ALL even with a base in another file', compose('services:', '  web:', '    extends: { file: x.yaml, service: y }', '    cap_drop: [CAP_ALL]'), 4],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/drop-all-capabilities', line, severity: 'warning', item: 'runtime.drop-capabilities' });
  });

  it('explains CAP_ALL', () => {
    expect(lint(compose('services:', '  web:', '    cap_drop: [CAP_ALL]'))[0]?.message).toContain('Docker rejects CAP_ALL');
  });

  it('flags a base and a child that both lack ALL, each at its own place', () => {
    const findings = lint(compose('services:', '  base:', '    image: app:1.0.0', '  web:', '    extends: base', '    cap_drop: [NET_RAW]'));
    expect(findings.map((finding) => [finding.line, finding.message.includes('service base')])).toEqual([[2, true], [6, false]]);
  });
});
