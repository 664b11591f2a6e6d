import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { cpuLimit } from './cpu-limit.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [cpuLimit] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/cpu-limit', () => {
  it.each([
    ['cpus', compose('services:', '  web:', '    cpus: "0.5"')],
    ['cpus as a number', compose('services:', '  web:', '    cpus: 1.5')],
    ['cpu_quota', compose('services:', '  web:', '    cpu_quota: 50000')],
    ['deploy.resources.limits.cpus', compose('services:', '  web:', '    deploy:', '      resources:', '        limits:', '          cpus: "0.50"')],
    ['a limit from a YAML merge key', compose('x-l: &l', '  cpus: 1', 'services:', '  web:', '    <<: *l')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['no limit', compose('services:', '  web:', '    image: nginx:1.25.3'), 2],
    ['cpu_shares only (a weight, not a limit)', compose('services:', '  web:', '    cpu_shares: 512'), 2],
    ['cpus: 0', compose('services:', '  web:', '    image: nginx:1.25.3', '    cpus: 0'), 4],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/cpu-limit', line, severity: 'info', item: 'runtime.resource-limits' });
  });
});
