import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noPrivileged } from './no-privileged.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noPrivileged] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/no-privileged', () => {
  it.each([
    ['no privileged key', compose('services:', '  web:', '    image: nginx:1.25.3')],
    ['privileged: false', compose('services:', '  web:', '    privileged: false')],
    ['privileged: "false"', compose('services:', '  web:', '    privileged: "false"')],
    ['an interpolated value', compose('services:', '  web:', '    privileged: ${PRIVILEGED}')],
    ['an x- block nobody merges', compose('x-debug:', '  privileged: true', 'services:', '  web:', '    image: nginx:1.25.3')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['privileged: true', compose('services:', '  web:', '    image: nginx', '    privileged: true'), 4],
    ['privileged: "true" (compose casts it)', compose('services:', '  web:', '    privileged: "true"'), 3],
    ['privileged: yes', compose('services:', '  web:', '    privileged: yes'), 3],
    ['privileged: True', compose('services:', '  web:', '    privileged: True'), 3],
    ['a flow-style service', compose('services:', '  web: { image: nginx, privileged: true }'), 2],
    ['privileged through a YAML merge key', compose('x-debug: &debug', '  privileged: true', 'services:', '  web:', '    <<: *debug'), 5],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-privileged', line, severity: 'error', item: 'runtime.no-docker-socket' });
  });

  it('names the service', () => {
    expect(lint(compose('services:', '  worker:', '    privileged: true'))[0]?.message).toContain('service worker');
  });

  it('lets an explicit value win over a merged one, as YAML does', () => {
    expect(lint(compose('x-debug: &debug', '  privileged: true', 'services:', '  web:', '    <<: *debug', '    privileged: false'))).toEqual([]);
  });

  it('reports each privileged service', () => {
    const findings = lint(compose('services:', '  a:', '    privileged: true', '  b:', '    privileged: true'));
    expect(findings.map((finding) => finding.line)).toEqual([3, 5]);
  });
});
