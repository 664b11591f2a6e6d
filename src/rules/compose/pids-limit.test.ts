import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pidsLimit } from './pids-limit.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [pidsLimit] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/pids-limit', () => {
  it.each([
    ['pids_limit', compose('services:', '  web:', '    pids_limit: 200')],
    ['pids_limit as a string', compose('services:', '  web:', '    pids_limit: "100"')],
    ['deploy.resources.limits.pids', compose('services:', '  web:', '    deploy:', '      resources:', '        limits:', '          pids: 200')],
    ['a limit from an extends base', compose('services:', '  base:', '    pids_limit: 100', '  web:', '    extends: base')],
    ['unlimited in pids_limit but set under deploy', compose('services:', '  web:', '    pids_limit: -1', '    deploy: { resources: { limits: { pids: 50 } } }')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no limit', compose('services:', '  web:', '    mem_limit: 512m'), 2],
    ['pids_limit: -1', compose('services:', '  web:', '    image: nginx:1.25.3', '    pids_limit: -1'), 4],
    ['pids_limit: 0', compose('services:', '  web:', '    pids_limit: 0'), 3],
    ['a memory limit under deploy only', compose('services:', '  web:', '    deploy:', '      resources:', '        limits:', '          memory: 512M'), 2],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/pids-limit', line, severity: 'warning', item: 'runtime.resource-limits' });
  });

  it('names both spellings when the limit is missing', () => {
    expect(lint(compose('services:', '  db:', '    image: postgres:16.2'))[0]?.message).toContain('`pids_limit` or `deploy.resources.limits.pids`');
  });
});
