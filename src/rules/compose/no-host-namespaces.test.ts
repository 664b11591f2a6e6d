import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostNamespaces } from './no-host-namespaces.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noHostNamespaces] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/no-host-namespaces', () => {
  it.each([
    ['no namespace settings', compose('services:', '  web:', '    image: nginx:1.25.3')],
    ['a bridge network', compose('services:', '  web:', '    network_mode: bridge')],
    ["another service's network", compose('services:', '  web:', '    network_mode: "service:proxy"')],
    ['network_mode none', compose('services:', '  web:', '    network_mode: none')],
    ['a shareable ipc namespace', compose('services:', '  web:', '    ipc: shareable')],
    ["another container's pid namespace", compose('services:', '  web:', '    pid: "container:debugger"')],
    ['a network named host-net', compose('services:', '  web:', '    networks: [host-net]')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['network_mode: host', 'network_mode: host', 'network_mode'],
    ['network_mode: "host"', 'network_mode: "host"', 'network_mode'],
    ['pid: host', 'pid: host', 'pid'],
    ['ipc: host', 'ipc: host', 'ipc'],
    ['userns_mode: host', 'userns_mode: host', 'userns_mode'],
    ['uts: host', 'uts: host', 'uts'],
    ['cgroup: host', 'cgroup: host', 'cgroup'],
  ])('flags %s at the right line', (_name, setting, key) => {
    const findings = lint(compose('services:', '  web:', '    image: nginx:1.25.3', `    ${setting}`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-host-namespaces', line: 4, severity: 'error', item: 'runtime.no-docker-socket' });
    expect(findings[0]?.message).toContain(`\`${key}: host\` in service web`);
  });

  it('reports every shared namespace of a service', () => {
    const findings = lint(compose('services:', '  debug:', '    pid: host', '    network_mode: host', '    ipc: host'));
    expect(findings.map((finding) => finding.line)).toEqual([3, 4, 5]);
  });
});
