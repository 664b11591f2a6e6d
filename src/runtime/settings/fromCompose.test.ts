import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../parse/compose.js';
import { fromCompose } from './fromCompose.js';

/** The settings of service `web` in a compose file whose `web:` body is `service` (indented by the caller's YAML). */
function translate(service: string, extra = '', file = 'compose.yaml') {
  const indented = service.split('\n').map((line) => `    ${line}`).join('\n');
  return fromCompose(parseCompose(`services:\n  web:\n    image: app\n${indented}\n${extra}`, file), 'web');
}

describe('fromCompose: host settings', () => {
  it.each([
    ['read_only', 'read_only: true', { ReadonlyRootfs: true }],
    ['read_only as the string compose reads as true', 'read_only: "true"', { ReadonlyRootfs: true }],
    ['tmpfs as a string', 'tmpfs: /tmp', { Tmpfs: { '/tmp': '' } }],
    ['tmpfs as a list with options', 'tmpfs:\n  - /tmp:size=64m,mode=1777\n  - /run', { Tmpfs: { '/tmp': 'size=64m,mode=1777', '/run': '' } }],
    ['cap_drop ALL', 'cap_drop: [ALL]', { CapDrop: ['ALL'] }],
    ['capabilities in any spelling', 'cap_drop: [all]\ncap_add: [CAP_net_bind_service, NET_BIND_SERVICE]', { CapDrop: ['ALL'], CapAdd: ['NET_BIND_SERVICE'] }],
    ['no-new-privileges:true', 'security_opt: ["no-new-privileges:true"]', { SecurityOpt: ['no-new-privileges'] }],
    ['no-new-privileges=true', 'security_opt: ["no-new-privileges=true"]', { SecurityOpt: ['no-new-privileges'] }],
    ['no-new-privileges alone', 'security_opt: [no-new-privileges]', { SecurityOpt: ['no-new-privileges'] }],
    ['mem_limit 64m', 'mem_limit: 64m', { Memory: 64 * 1024 ** 2 }],
    ['mem_limit 1.5G', 'mem_limit: 1.5G', { Memory: 1.5 * 1024 ** 3 }],
    ['mem_limit in bytes', 'mem_limit: 67108864', { Memory: 67108864 }],
    ['deploy memory limit', 'deploy:\n  resources:\n    limits:\n      memory: 512m', { Memory: 512 * 1024 ** 2 }],
    ['cpus as a number', 'cpus: 0.5', { NanoCpus: 500_000_000 }],
    ['deploy cpus as a string', 'deploy:\n  resources:\n    limits:\n      cpus: "0.25"', { NanoCpus: 250_000_000 }],
    ['pids_limit', 'pids_limit: 50', { PidsLimit: 50 }],
    ['deploy pids', 'deploy:\n  resources:\n    limits:\n      pids: 40', { PidsLimit: 40 }],
    ['the same limit in both places', 'mem_limit: 64m\ndeploy:\n  resources:\n    limits:\n      memory: 64M', { Memory: 64 * 1024 ** 2 }],
    ['init', 'init: true', { Init: true }],
    ['ipc private', 'ipc: private', { IpcMode: 'private' }],
    ['network_mode none', 'network_mode: none', {}],
    ['a tmpfs volume', 'volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs:\n      size: 16m\n      mode: 1770', { Tmpfs: { '/cache': 'size=16777216,mode=1770' } }],
  ])('%s', (_name, service, host) => {
    const settings = translate(service);
    expect(settings.host).toEqual(host);
    expect(settings.refusals).toEqual([]);
    expect(settings.invalid).toEqual([]);
  });

  it('translates a hardened service completely', () => {
    const settings = translate(
      'user: "10001:10001"\nread_only: true\ntmpfs: [/tmp]\ncap_drop: [ALL]\nsecurity_opt: ["no-new-privileges:true"]\nmem_limit: 64m\npids_limit: 50\ncpus: 0.5',
    );
    expect(settings.user).toBe('10001:10001');
    expect(settings.host).toEqual({
      ReadonlyRootfs: true, Tmpfs: { '/tmp': '' }, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'],
      Memory: 64 * 1024 ** 2, PidsLimit: 50, NanoCpus: 500_000_000,
    });
    expect(settings.notes).toEqual([]);
  });

  it('takes a numeric user as a string', () => {
    expect(translate('user: 10001').user).toBe('10001');
  });
});

describe('fromCompose: settings no exercise may have', () => {
  it.each([
    ['privileged', 'privileged: true', 'privileged', { Privileged: true }],
    ['the host network', 'network_mode: host', 'network_mode: host', { NetworkMode: 'host' }],
    ['the host PID namespace', 'pid: host', 'pid: host', { PidMode: 'host' }],
    ['the host IPC namespace', 'ipc: host', 'ipc: host', { IpcMode: 'host' }],
    ['the Docker socket', 'volumes: ["/var/run/docker.sock:/var/run/docker.sock"]', 'volume /var/run/docker.sock:/var/run/docker.sock', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }],
    ['a relative host path, read-only', 'volumes: ["./html:/srv/www:ro"]', 'volume ./html:/srv/www:ro', { Binds: ['./html:/srv/www:ro'] }],
    ['a long-syntax bind', 'volumes:\n  - type: bind\n    source: /etc\n    target: /host-etc', 'volume /etc:/host-etc', { Binds: ['/etc:/host-etc'] }],
    ['a device', 'devices: ["/dev/kmsg:/dev/kmsg"]', 'devices', { Devices: [{ PathOnHost: '/dev/kmsg', PathInContainer: '/dev/kmsg', CgroupPermissions: 'rwm' }] }],
    ['SYS_ADMIN', 'cap_add: [CAP_SYS_ADMIN]', 'cap_add: SYS_ADMIN', { CapAdd: ['SYS_ADMIN'] }],
    ['seccomp unconfined', 'security_opt: ["seccomp:unconfined"]', 'security_opt: seccomp=unconfined', { SecurityOpt: ['seccomp=unconfined'] }],
    ['apparmor unconfined', 'security_opt: ["apparmor=unconfined"]', 'security_opt: apparmor=unconfined', { SecurityOpt: ['apparmor=unconfined'] }],
  ])('refuses %s', (_name, service, setting, host) => {
    const settings = translate(service);
    expect(settings.host).toMatchObject(host);
    expect(settings.refusals.map((r) => r.setting)).toContain(setting);
  });

  it('explains that the Docker socket gives root on the host', () => {
    expect(translate('volumes: ["/var/run/docker.sock:/var/run/docker.sock"]').refusals[0]?.reason).toMatch(/root on the host/);
  });

  it('refuses label:disable, which policy.ts cannot see', () => {
    expect(translate('security_opt: ["label:disable"]').refusals.map((r) => r.setting)).toEqual(['security_opt: label:disable']);
  });
});

describe('fromCompose: what cannot apply becomes a note', () => {
  it.each([
    ['ports', 'ports: ["8080:8080"]', /ports: not published/],
    ['networks', 'networks: [front]', /networks: not joined/],
    ['network_mode bridge', 'network_mode: bridge', /network_mode: bridge: not applied/],
    ['a custom seccomp profile', 'security_opt: ["seccomp=profile.json"]', /custom seccomp profile is not loaded/],
    ['restart and depends_on', 'restart: always\ndepends_on: [db]', /not applied .*: restart, depends_on/],
    ['a reservation', 'deploy:\n  resources:\n    reservations:\n      memory: 1g', /resources.reservations not applied/],
    ['an environment variable without a value', 'environment: [FROM_MY_SHELL]', /FROM_MY_SHELL has no value here/],
    ['healthcheck.start_interval', 'healthcheck:\n  test: ["CMD", "true"]\n  start_interval: 1s', /start_interval: not applied/],
  ])('%s', (_name, service, note) => {
    const settings = translate(service);
    expect(settings.notes.join('\n')).toMatch(note);
    expect(settings.refusals).toEqual([]);
  });

  it('turns a named volume into a fresh anonymous one, with a note', () => {
    const settings = translate('volumes: ["data:/var/lib/data", "/scratch"]');
    expect(settings.host.Mounts).toEqual([
      { Type: 'volume', Source: '', Target: '/var/lib/data', ReadOnly: false },
      { Type: 'volume', Source: '', Target: '/scratch', ReadOnly: false },
    ]);
    expect(settings.notes.filter((n) => /fresh, empty volume/.test(n))).toHaveLength(2);
    expect(settings.refusals).toEqual([]);
  });

  it('drops no-new-privileges:false silently (it is the default)', () => {
    const settings = translate('security_opt: ["no-new-privileges:false"]');
    expect(settings.host.SecurityOpt).toBeUndefined();
    expect(settings.notes).toEqual([]);
  });
});

describe('fromCompose: healthcheck', () => {
  it.each([
    ['CMD form with durations', 'test: ["CMD", "wget", "-q", "http://localhost:8080/"]\ninterval: 1m30s\ntimeout: 3s\nstart_period: 500ms\nretries: 2',
      { Test: ['CMD', 'wget', '-q', 'http://localhost:8080/'], Interval: 90e9, Timeout: 3e9, StartPeriod: 500e6, Retries: 2 }],
    ['CMD-SHELL form', 'test: ["CMD-SHELL", "wget -q -O- http://localhost || exit 1"]', { Test: ['CMD-SHELL', 'wget -q -O- http://localhost || exit 1'] }],
    ['a string', 'test: wget -q http://localhost', { Test: ['CMD-SHELL', 'wget -q http://localhost'] }],
    ['NONE', 'test: ["NONE"]', { Test: ['NONE'] }],
    ['disable', 'disable: true', { Test: ['NONE'] }],
    ['timings only (the image keeps its test)', 'interval: 5s', { Interval: 5e9 }],
  ])('%s', (_name, body, healthcheck) => {
    const indented = body.split('\n').map((line) => `  ${line}`).join('\n');
    expect(translate(`healthcheck:\n${indented}`).healthcheck).toEqual(healthcheck);
  });

  it.each([
    ['a duration without a unit', 'test: ["CMD", "true"]\ninterval: 30', 'healthcheck.interval'],
    ['a test without CMD', 'test: ["wget", "http://localhost"]', 'healthcheck.test'],
    ['retries that are not a number', 'retries: many', 'healthcheck.retries'],
  ])('rejects %s', (_name, body, setting) => {
    const indented = body.split('\n').map((line) => `  ${line}`).join('\n');
    expect(translate(`healthcheck:\n${indented}`).invalid.map((i) => i.setting)).toContain(setting);
  });
});

describe('fromCompose: process', () => {
  it('reads environment as a map or a list', () => {
    expect(translate('environment:\n  MODE: production\n  WORKERS: 2\n  DEBUG: false').env).toEqual(['MODE=production', 'WORKERS=2', 'DEBUG=false']);
    expect(translate('environment: ["MODE=production", "EMPTY="]').env).toEqual(['MODE=production', 'EMPTY=']);
  });

  it('splits a command string the way compose does', () => {
    const settings = translate(`command: sh -c 'echo "ready"; sleep 60'\nentrypoint: ["/bin/tini", "--"]\nworking_dir: /srv`);
    expect(settings.cmd).toEqual(['sh', '-c', 'echo "ready"; sleep 60']);
    expect(settings.entrypoint).toEqual(['/bin/tini', '--']);
    expect(settings.workingDir).toBe('/srv');
  });
});

describe('fromCompose: secrets', () => {
  const topLevel = 'secrets:\n  db_password:\n    file: ./secrets/db_password.txt\n  api_key:\n    environment: API_KEY\n';

  it('asks for file secrets by their path in the challenge folder, read-only for the owner', () => {
    const settings = fromCompose(parseCompose(`services:\n  web:\n    secrets: [db_password]\n${topLevel}`, 'deploy/compose.yaml'), 'web');
    expect(settings.secretFiles).toEqual([{ name: 'db_password', file: 'deploy/secrets/db_password.txt', target: '/run/secrets/db_password', mode: 0o400 }]);
  });

  it('honours a long-syntax target and mode', () => {
    const settings = translate('secrets:\n  - source: db_password\n    target: db.txt\n    mode: 0440\n  - source: db_password\n    target: /etc/app/pw\n    mode: "0444"', topLevel);
    expect(settings.secretFiles.map(({ target, mode }) => [target, mode.toString(8)])).toEqual([['/run/secrets/db.txt', '440'], ['/etc/app/pw', '444']]);
  });

  it('notes a secret that comes from the environment instead of delivering it', () => {
    const settings = translate('secrets: [api_key]', topLevel);
    expect(settings.secretFiles).toEqual([]);
    expect(settings.notes.join('\n')).toMatch(/api_key comes from an environment variable of your machine; it is not delivered/);
  });

  it.each([['/etc/shadow'], ['../../outside.txt'], ['~/.ssh/id_rsa']])('refuses a secret file outside the challenge folder: %s', (file) => {
    const settings = translate('secrets: [leak]', `secrets:\n  leak:\n    file: ${file}\n`);
    expect(settings.secretFiles).toEqual([]);
    expect(settings.refusals.map((r) => r.setting)).toEqual([`secrets.leak.file: ${file}`]);
  });

  it('rejects a secret the top level does not define, as compose does', () => {
    expect(translate('secrets: [missing]').invalid.map((i) => i.setting)).toEqual(['secrets: missing']);
  });
});

describe('fromCompose: values the learner\'s own tool would reject', () => {
  it.each([
    ['a size that is not one', 'mem_limit: 64 megs', 'mem_limit'],
    ['a memory limit below the engine minimum', 'mem_limit: 4m', 'mem_limit'],
    ['two different memory limits', 'mem_limit: 64m\ndeploy:\n  resources:\n    limits:\n      memory: 128m', 'mem_limit'],
    ['cpus that are not a number', 'cpus: lots', 'cpus'],
    ['a relative tmpfs path', 'tmpfs: [tmp]', 'tmpfs: tmp'],
    ['an unclosed quote', "command: echo 'oops", 'command'],
  ])('%s', (_name, service, setting) => {
    expect(translate(service).invalid.map((i) => i.setting)).toContain(setting);
  });

  it('names the services there are when the one asked for is missing', () => {
    const settings = fromCompose(parseCompose('services:\n  api: {}\n  db: {}\n', 'compose.yaml'), 'web');
    expect(settings.invalid[0]?.reason).toBe('compose.yaml has no service "web" (services: api, db)');
  });
});
