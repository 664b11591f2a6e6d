import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { noSensitiveHostMounts } from './no-sensitive-host-mounts.js';

const lint = (text: string) => lintText(text, 'compose.yaml', 'compose', { rules: [noSensitiveHostMounts] }).findings;
const compose = (...lines: string[]) => [...lines, ''].join('\n');
const withVolume = (volume: string) => compose('services:', '  web:', '    image: nginx:1.25.3', '    volumes:', `      - ${volume}`);

describe('compose/no-sensitive-host-mounts', () => {
  it.each([
    ['a project directory', './html:/usr/share/nginx/html:ro'],
    ['/etc/localtime read-only', '/etc/localtime:/etc/localtime:ro'],
    ['a named volume', 'data:/var/lib/postgresql/data'],
    ['a container path under /etc', './nginx.conf:/etc/nginx/nginx.conf:ro'],
    ['a host path that only starts like /etc', '/etcetera:/data'],
    ['a host path that only starts like /proc', '/process-data:/data'],
    ['a host path under /srv', '/srv/app:/app'],
    ['the Docker socket (that is compose/no-docker-socket)', '/var/run/docker.sock:/var/run/docker.sock'],
  ])('passes %s', (_name, volume) => {
    expect(lint(withVolume(volume))).toEqual([]);
  });

  it.each([
    ['the host root', '/:/host'],
    ['the host root read-only', '/:/host:ro'],
    ['/etc', '/etc:/host/etc:ro'],
    ['/etc with a trailing slash', '/etc/:/host/etc'],
    ['/etc/shadow', '/etc/shadow:/shadow:ro'],
    ['/proc', '/proc:/host/proc'],
    ['a path under /proc', '/proc/1/root:/hostroot'],
    ['/sys/fs/cgroup', '/sys/fs/cgroup:/sys/fs/cgroup:ro'],
    ['/root', '/root:/root'],
    ['/root/.ssh', '/root/.ssh:/keys:ro'],
    ['/var/run', '/var/run:/var/run'],
    ['/run', '/run:/run'],
    ['/var/lib/docker', '/var/lib/docker:/var/lib/docker:ro'],
    ['/boot', '/boot:/boot'],
    ['/dev', '/dev:/dev'],
    ['a path with ..', '/srv/../etc:/etc-copy'],
  ])('flags %s at the right line', (_name, volume) => {
    const findings = lint(withVolume(volume));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'compose/no-sensitive-host-mounts', line: 5, severity: 'error', item: 'runtime.no-docker-socket' });
  });

  it('flags long syntax and says read-only', () => {
    const text = compose('services:', '  web:', '    volumes:', '      - type: bind', '        source: /etc', '        target: /host-etc', '        read_only: true');
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 4 });
    expect(findings[0]?.message).toContain('/etc read-only');
  });

  it('flags a named volume that binds the host root', () => {
    const text = compose('services:', '  web:', '    volumes: ["hostfs:/host"]', 'volumes:', '  hostfs:', '    driver_opts:', '      type: none', '      o: bind', '      device: /');
    expect(lint(text)).toMatchObject([{ line: 3, message: expect.stringContaining('named volume hostfs') }]);
  });
});
