import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { memoryLimit } from './memory-limit.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [memoryLimit] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/memory-limit', () => {
  it.each([
    ['mem_limit', compose('services:', '  web:', '    mem_limit: 512m')],
    ['mem_limit in bytes', compose('services:', '  web:', '    mem_limit: 536870912')],
    ['deploy.resources.limits.memory', compose('services:', '  web:', '    deploy:', '      resources:', '        limits:', '          memory: 512M')],
    ['an interpolated limit', compose('services:', '  web:', '    mem_limit: ${WEB_MEMORY}')],
    ['a limit from an extends base', compose('services:', '  base:', '    mem_limit: 256m', '  web:', '    extends: { service: base }')],
    ['a limit from a YAML merge key', compose('x-limits: &limits', '  mem_limit: 256m', 'services:', '  web:', '    <<: *limits')],
    ['nothing here, but a base in another file', compose('services:', '  web:', '    extends: { file: base.yaml, service: app }')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no limit', compose('services:', '  web:', '    image: nginx:1.25.3'), 2],
    ['a reservation only', compose('services:', '  web:', '    deploy:', '      resources:', '        reservations:', '          memory: 128M'), 2],
    ['a cpu limit only', compose('services:', '  web:', '    deploy: { resources: { limits: { cpus: "0.5" } } }'), 2],
    ['mem_limit: 0 (unlimited)', compose('services:', '  web:', '    image: nginx:1.25.3', '    mem_limit: 0'), 4],
    ['mem_limit: "0m"', compose('services:', '  web:', '    mem_limit: "0m"'), 3],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/memory-limit', line, severity: 'warning', item: 'runtime.resource-limits' });
  });

  it('says that 0 means no limit', () => {
    expect(lint(compose('services:', '  web:', '    mem_limit: 0'))[0]?.message).toBe('`mem_limit: 0` in service web means no memory limit to Docker');
  });
});
