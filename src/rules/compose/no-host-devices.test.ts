import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noHostDevices } from './no-host-devices.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noHostDevices] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');

describe('compose/no-host-devices', () => {
  it.each([
    ['no devices', compose('services:', '  web:', '    image: nginx:1.25.3')],
    ['an empty devices list', compose('services:', '  web:', '    devices: []')],
    ['a null devices key', compose('services:', '  web:', '    devices:')],
    ['the tun device of a VPN, which every container may already open', compose('services:', '  vpn:', '    cap_add: [NET_ADMIN]', '    devices:', '      - /dev/net/tun:/dev/net/tun')],
    ['/dev/urandom in long syntax', compose('services:', '  web:', '    devices:', '      - source: /dev/urandom', '        target: /dev/urandom')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['a block device', compose('services:', '  web:', '    devices:', '      - /dev/sda:/dev/sda'), 4],
    ['a device with permissions', compose('services:', '  web:', '    devices:', '      - "/dev/ttyUSB0:/dev/ttyUSB0:rwm"'), 4],
    ['a CDI device name', compose('services:', '  web:', '    devices: ["nvidia.com/gpu=all"]'), 3],
    ['long syntax', compose('services:', '  web:', '    devices:', '      - source: /dev/kmsg', '        target: /dev/kmsg'), 4],
    ['device_cgroup_rules', compose('services:', '  web:', '    device_cgroup_rules:', "      - 'c *:* rmw'"), 4],
  ])('flags %s at the right line', (_name, text, line) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-host-devices', line, severity: 'error', item: 'runtime.no-docker-socket' });
  });

  it('names the device', () => {
    expect(lint(compose('services:', '  web:', '    devices:', '      - source: /dev/kmsg', '        target: /dev/kmsg'))[0]?.message).toContain('/dev/kmsg');
  });
});
