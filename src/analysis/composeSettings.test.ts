import { describe, expect, it } from 'vitest';
import { parseCompose } from '../parse/compose.js';
import { extendsChain, inheritedSequence, inheritedSetting, ownSetting } from './composeSettings.js';

const model = (...lines: string[]) => parseCompose([...lines, ''].join('\n'), 'compose.yaml');
const service = (m: ReturnType<typeof model>, name: string) => {
  const found = m.services.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no service ${name}`);
  return found;
};

describe('composeSettings', () => {
  it('reads nested settings with their path', () => {
    const m = model('services:', '  web:', '    deploy:', '      resources:', '        limits:', '          memory: 512M');
    expect(ownSetting(service(m, 'web'), ['deploy', 'resources', 'limits', 'memory'])).toEqual({
      value: '512M',
      path: ['services', 'web', 'deploy', 'resources', 'limits', 'memory'],
    });
  });

  it('applies YAML merge keys shallowly, earlier sources first, own keys over merged ones', () => {
    const m = model(
      'x-a: &a',
      '  user: "1000"',
      '  deploy: { resources: { limits: { memory: 1G } } }',
      'x-b: &b',
      '  user: root',
      'services:',
      '  web:',
      '    <<: [*a, *b]',
      '    deploy: { restart_policy: { condition: on-failure } }',
    );
    const web = service(m, 'web');
    expect(ownSetting(web, ['user'])).toEqual({ value: '1000', path: ['services', 'web', '<<', 0, 'user'] });
    expect(ownSetting(web, ['deploy', 'resources', 'limits', 'memory'])).toBeUndefined();
  });

  it('follows extends in both forms and stops at a loop', () => {
    const m = model('services:', '  a:', '    extends: b', '  b:', '    extends: { service: a }', '  c:', '    extends: { service: a }');
    expect(extendsChain(m, service(m, 'c'))).toMatchObject({ services: [{ name: 'c' }, { name: 'a' }, { name: 'b' }], complete: false });
  });

  it('reports a base in another file as incomplete', () => {
    const m = model('services:', '  web:', '    extends: { file: common.yaml, service: base }');
    expect(inheritedSetting(m, service(m, 'web'), ['read_only'])).toEqual({ found: undefined, complete: false });
  });

  it('concatenates sequences along the chain, nearest first', () => {
    const m = model('services:', '  base:', '    cap_drop: [ALL]', '  web:', '    extends: base', '    cap_drop: [NET_RAW]');
    expect(inheritedSequence(m, service(m, 'web'), 'cap_drop').items.map((item) => item.value)).toEqual(['NET_RAW', 'ALL']);
  });
});
