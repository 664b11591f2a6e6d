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
    ['a host path that only starts like /etc, read-only', '/etcetera:/data:ro'],
    ['a host path that only starts like /proc, read-only', '/process-data:/data:ro'],
    ['a host path under /srv, read-only', '/srv/app:/app:ro'],
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

describe('compose/no-sensitive-host-mounts grades by path and read-only-ness', () => {
  it.each([
    ['kernel modules, writable', '/lib/modules:/lib/modules', 'error', 'kernel modules'],
    ['kernel sources, writable', '/usr/src:/usr/src', 'error', 'kernel headers'],
    ['the host\'s logs, writable', '/var/log:/host/var/log', 'error', 'logs'],
    ['a long-syntax bind of /opt', '{type: bind, source: /opt, target: /host-opt}', 'error', 'software installed'],
    ['kernel modules, read-only (a monitoring agent)', '/lib/modules:/lib/modules:ro', 'info', 'read-only keeps it'],
    ['kernel sources, read-only', '/usr/src:/usr/src:ro', 'info', 'read-only keeps it'],
    ['the host user\'s AWS credentials, even read-only', '~/.aws:/root/.aws:ro', 'error', 'credentials'],
    ['the host user\'s SSH keys', '~/.ssh/id_ed25519:/root/.ssh/id_ed25519', 'error', 'credentials'],
    ['the SSH keys through $HOME', '${HOME}/.ssh:/root/.ssh:ro', 'error', 'credentials'],
    ['the SSH keys through a bare $HOME', '$HOME/.ssh:/root/.ssh:ro', 'error', 'credentials'],
    ['/etc as a variable\'s default', '${CONFIG_DIR:-/etc}:/host/etc', 'error', '/etc'],
    ['some other host path, writable', '/srv/app:/app', 'info', 'outside the project'],
    ['a path that only starts like /etc, writable', '/etcetera:/data', 'info', 'outside the project'],
    ['a home directory path that holds nothing known, writable', '~/projects/site:/site', 'info', 'outside the project'],
  ])('%s is %s', (_name, volume, severity, words) => {
    const findings = lint(withVolume(volume));
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe(severity);
    expect(findings[0]?.message).toContain(words);
  });

  it('leaves project paths and other paths under /run alone', () => {
    expect(lint(withVolume('./data:/data'))).toEqual([]);
    expect(lint(withVolume('/run/user/1000/bus:/run/bus'))).toEqual([]);
    expect(lint(withVolume('~/.config/app.toml:/app.toml:ro'))).toEqual([]);
  });
});
