/**
 * A compose service's settings, translated to what `docker compose up` would ask of the engine.
 * Pure: the parsed compose model in, RunSettings out. Settings no exercise may have (privileged,
 * host namespaces, host paths, devices) are translated faithfully so that policy.ts refuses them
 * by name; what cannot apply here (published ports, networks, restart policies) becomes a note.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import type { ComposeModel } from '../../parse/compose.js';
import { asArray, asRecord, isRecord } from '../../parse/yamlSource.js';
import { composeBoolean } from '../../analysis/composeScalars.js';
import { capabilityList } from './capabilities.js';
import { resolvedService } from './composeService.js';
import { composeBytes, composeDuration, describeBytes, MIN_MEMORY_BYTES, MIN_NANO_CPUS, nanoCpus } from './quantities.js';
import { refusalsNamedAsWritten } from './refusals.js';
import { shellWords } from './shellWords.js';
import { emptyRunSettings, type RunSettings } from './types.js';

/** Keys translated below, or deliberately without effect (the image comes from the Dockerfile). */
const understoodKeys = new Set([
  'image', 'build', 'container_name', 'expose', 'labels', 'profiles', 'platform', 'pull_policy',
  'user', 'read_only', 'tmpfs', 'cap_drop', 'cap_add', 'security_opt', 'mem_limit', 'cpus', 'pids_limit', 'deploy',
  'healthcheck', 'environment', 'command', 'entrypoint', 'working_dir', 'init', 'secrets', 'privileged',
  'network_mode', 'networks', 'pid', 'ipc', 'uts', 'userns_mode', 'cgroup', 'devices', 'device_cgroup_rules', 'volumes', 'ports',
  'cpu_quota', 'cpu_period',
]);

/** Where Docker puts secrets unless the service names another target. */
const SECRETS_DIR = '/run/secrets';
const DEFAULT_SECRET_MODE = 0o400;

/**
 * @example fromCompose(parseCompose('services:\n  web:\n    read_only: true\n', 'compose.yaml'), 'web').host // { ReadonlyRootfs: true }
 */
export function fromCompose(model: Pick<ComposeModel, 'file' | 'services' | 'secrets'>, serviceName: string): RunSettings {
  const settings = emptyRunSettings(`${model.file}, service ${serviceName}`);
  const service = model.services.find((candidate) => candidate.name === serviceName);
  if (!service) {
    const known = model.services.map((candidate) => candidate.name).join(', ') || 'none';
    settings.invalid.push({ setting: `services.${serviceName}`, reason: `${model.file} has no service "${serviceName}" (services: ${known})` });
    return settings;
  }
  // The settings as compose resolves them (merge keys, extends), as the rules read them too.
  const resolved = resolvedService(model, service);
  settings.invalid.push(...resolved.invalid);
  const translation = new ServiceTranslation(settings, model, serviceName, resolved.spec);
  translation.run();
  settings.refusals = [...refusalsNamedAsWritten(settings.host, new Map()), ...settings.refusals];
  return settings;
}

class ServiceTranslation {
  private readonly host: Docker.HostConfig;

  constructor(
    private readonly settings: RunSettings,
    private readonly model: Pick<ComposeModel, 'file' | 'secrets'>,
    private readonly serviceName: string,
    private readonly spec: Record<string, unknown>,
  ) {
    this.host = settings.host;
  }

  run(): void {
    this.identity();
    this.filesystem();
    this.privileges();
    this.resources();
    this.healthcheck();
    this.process();
    this.secrets();
    this.namespaces();
    this.volumesAndDevices();
    if (this.spec.ports !== undefined) this.note('ports: not published; the container runs without a network and the probes run inside it');
    if (this.spec.networks !== undefined) this.note('networks: not joined; the container runs without a network');
    const unused = Object.keys(this.spec).filter((key) => !understoodKeys.has(key));
    if (unused.length > 0) this.note(`not applied when shipshape runs the service: ${unused.join(', ')}`);
  }

  private identity(): void {
    const { user } = this.spec;
    if (user === undefined || user === null) return;
    if (typeof user === 'string' || typeof user === 'number') this.settings.user = String(user).trim();
    else this.invalid('user', 'expected a user such as "10001" or "10001:10001"');
  }

  private filesystem(): void {
    const readOnly = this.flag('read_only');
    if (readOnly) this.host.ReadonlyRootfs = true;
    const entries = typeof this.spec.tmpfs === 'string' ? [this.spec.tmpfs] : asArray(this.spec.tmpfs);
    for (const entry of entries) {
      if (typeof entry !== 'string') {
        this.invalid('tmpfs', 'expected a path such as "/tmp" or "/tmp:size=64m"');
        continue;
      }
      const [target = '', ...options] = entry.split(':');
      this.addTmpfs(`tmpfs: ${entry}`, target, options.join(':'));
    }
  }

  private privileges(): void {
    if (this.flag('privileged')) this.host.Privileged = true;
    const drop = capabilityList(this.spec.cap_drop);
    const add = capabilityList(this.spec.cap_add);
    if (drop.length > 0) this.host.CapDrop = drop;
    if (add.length > 0) this.host.CapAdd = add;
    const options: string[] = [];
    for (const raw of asArray(this.spec.security_opt)) {
      if (typeof raw !== 'string') continue;
      const option = this.securityOption(raw);
      if (option && !options.includes(option)) options.push(option);
    }
    if (options.length > 0) this.host.SecurityOpt = options;
  }

  /** The engine's spelling of one `security_opt` entry; compose accepts `:` and `=` alike. */
  private securityOption(raw: string): string | undefined {
    const [name = '', ...rest] = raw.trim().split(/[:=]/);
    const key = name.toLowerCase();
    const value = rest.join(':').trim();
    if (key === 'no-new-privileges') {
      if (value === '' || value.toLowerCase() === 'true') return 'no-new-privileges';
      if (value.toLowerCase() !== 'false') this.invalid(`security_opt: ${raw}`, 'no-new-privileges takes true or false');
      return undefined;
    }
    if ((key === 'seccomp' || key === 'apparmor' || key === 'systempaths') && value === 'unconfined') return `${key}=unconfined`;
    if (key === 'label' && value === 'disable') {
      this.settings.refusals.push({ setting: `security_opt: ${raw}`, reason: 'the default SELinux confinement stays on' });
      return undefined;
    }
    if (key === 'seccomp' || key === 'apparmor') {
      this.note(`security_opt: ${raw}: a custom ${key} profile is not loaded; the engine's default profile applies`);
      return undefined;
    }
    this.note(`security_opt: ${raw}: not applied`);
    return undefined;
  }

  private resources(): void {
    const limits = asRecord(asRecord(asRecord(this.spec.deploy).resources).limits);
    const memory = this.oneLimit('mem_limit', this.spec.mem_limit, 'deploy.resources.limits.memory', limits.memory, composeBytes, 'a size such as "64m" or "1g"');
    if (memory !== undefined) {
      if (memory > 0 && memory < MIN_MEMORY_BYTES) this.invalid('mem_limit', `${describeBytes(memory)} is below the ${describeBytes(MIN_MEMORY_BYTES)} the engine accepts`);
      else this.host.Memory = memory;
    }
    const cpus = this.oneLimit('cpus', this.spec.cpus, 'deploy.resources.limits.cpus', limits.cpus, nanoCpus, 'a number of CPUs such as 0.5');
    if (cpus !== undefined) {
      if (cpus > 0 && cpus < MIN_NANO_CPUS) this.invalid('cpus', 'the engine accepts no less than 0.01 CPU');
      else this.host.NanoCpus = cpus;
    }
    const quota = this.spec.cpu_quota;
    if (quota !== undefined && quota !== null) {
      const microseconds = wholeNumberOf(quota);
      if (microseconds === undefined) this.invalid('cpu_quota', `${JSON.stringify(quota)} is not a whole number of microseconds`);
      else if (microseconds > 0) {
        this.host.CpuQuota = microseconds;
        const period = wholeNumberOf(this.spec.cpu_period);
        this.host.CpuPeriod = period && period > 0 ? period : 100_000;
      }
    }
    const pids = this.oneLimit('pids_limit', this.spec.pids_limit, 'deploy.resources.limits.pids', limits.pids, wholeNumberOf, 'a whole number of processes');
    if (pids !== undefined) this.host.PidsLimit = pids;
    const deploy = asRecord(this.spec.deploy);
    const otherDeploy = Object.keys(deploy).filter((key) => key !== 'resources');
    const resources = asRecord(deploy.resources);
    if (resources.reservations !== undefined) otherDeploy.push('resources.reservations');
    const otherLimits = Object.keys(limits).filter((key) => !['memory', 'cpus', 'pids'].includes(key));
    otherDeploy.push(...otherLimits.map((key) => `resources.limits.${key}`));
    if (otherDeploy.length > 0) this.note(`deploy: ${otherDeploy.join(', ')} not applied (only resource limits are)`);
  }

  /** A limit that compose lets the learner write in two places; both must agree, as compose insists. */
  private oneLimit(name: string, direct: unknown, deployName: string, deployed: unknown, parse: (value: unknown) => number | undefined, expected: string): number | undefined {
    const read = (setting: string, value: unknown) => {
      if (value === undefined || value === null) return undefined;
      const parsed = parse(value);
      if (parsed === undefined) this.invalid(setting, `${JSON.stringify(value)} is not ${expected}`);
      return parsed;
    };
    const fromDirect = read(name, direct);
    const fromDeploy = read(deployName, deployed);
    if (fromDirect !== undefined && fromDeploy !== undefined && fromDirect !== fromDeploy) {
      this.invalid(name, `${name} and ${deployName} disagree; compose refuses distinct values too`);
      return undefined;
    }
    return fromDirect ?? fromDeploy;
  }

  private healthcheck(): void {
    const { healthcheck } = this.spec;
    if (healthcheck === undefined || healthcheck === null) return;
    if (!isRecord(healthcheck)) return this.invalid('healthcheck', 'expected a map with test, interval, timeout, retries');
    if (healthcheck.disable === true) {
      this.settings.healthcheck = { Test: ['NONE'] };
      return;
    }
    const config: Docker.HealthConfig = {};
    const { test } = healthcheck;
    if (typeof test === 'string') config.Test = ['CMD-SHELL', test];
    else if (Array.isArray(test) && test.every((word) => typeof word === 'string') && ['CMD', 'CMD-SHELL', 'NONE'].includes(test[0] as string)) config.Test = test as string[];
    else if (test !== undefined) this.invalid('healthcheck.test', 'expected a command string, or a list starting with CMD, CMD-SHELL or NONE');
    const timings = { interval: 'Interval', timeout: 'Timeout', start_period: 'StartPeriod' } as const;
    for (const [key, field] of Object.entries(timings)) {
      const value = healthcheck[key];
      if (value === undefined || value === null) continue;
      const nanoseconds = composeDuration(value);
      if (nanoseconds === undefined) this.invalid(`healthcheck.${key}`, `${JSON.stringify(value)} is not a duration such as "30s" or "1m30s"`);
      else if (nanoseconds > 0 && nanoseconds < 1e6) this.invalid(`healthcheck.${key}`, 'the engine accepts no less than 1ms');
      else config[field] = nanoseconds;
    }
    if (healthcheck.retries !== undefined) {
      if (typeof healthcheck.retries === 'number' && Number.isInteger(healthcheck.retries) && healthcheck.retries >= 0) config.Retries = healthcheck.retries;
      else this.invalid('healthcheck.retries', 'expected a whole number');
    }
    if (healthcheck.start_interval !== undefined) this.note('healthcheck.start_interval: not applied (the engine predates it)');
    this.settings.healthcheck = config;
  }

  private process(): void {
    const env: string[] = [];
    const { environment } = this.spec;
    const unset = (name: string) => this.note(`environment: ${name} has no value here, so it is left unset (shipshape never copies your own environment into the container)`);
    if (isRecord(environment)) {
      for (const [name, value] of Object.entries(environment)) {
        if (value === null || value === undefined) unset(name);
        else env.push(`${name}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
      }
    } else {
      for (const entry of asArray(environment)) {
        if (typeof entry !== 'string') continue;
        if (entry.includes('=')) env.push(entry);
        else unset(entry);
      }
    }
    if (env.length > 0) this.settings.env = env;
    const entrypoint = this.commandLine('entrypoint');
    if (entrypoint) this.settings.entrypoint = entrypoint;
    const cmd = this.commandLine('command');
    if (cmd) this.settings.cmd = cmd;
    if (typeof this.spec.working_dir === 'string') this.settings.workingDir = this.spec.working_dir;
    if (this.flag('init')) this.host.Init = true;
  }

  /** `command:`/`entrypoint:` as a list, or as one string split into words the way compose does. */
  private commandLine(key: 'command' | 'entrypoint'): string[] | undefined {
    const value = this.spec[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') {
      const words = shellWords(value);
      if (!words) this.invalid(key, 'a quote is never closed');
      return words;
    }
    if (Array.isArray(value) && value.every((word) => ['string', 'number'].includes(typeof word))) return value.map(String);
    this.invalid(key, 'expected a command string or a list of words');
    return undefined;
  }

  private secrets(): void {
    for (const reference of asArray(this.spec.secrets)) {
      const long = asRecord(reference);
      const name = typeof reference === 'string' ? reference : long.source;
      if (typeof name !== 'string') {
        this.invalid('secrets', 'each entry names a secret, or has a "source:"');
        continue;
      }
      const definition = this.model.secrets[name];
      if (!isRecord(definition)) {
        this.invalid(`secrets: ${name}`, `service "${this.serviceName}" refers to secret "${name}", which the top-level secrets: does not define`);
        continue;
      }
      if (long.uid !== undefined || long.gid !== undefined) this.note(`secrets: ${name}: uid/gid not applied; the file belongs to the container's user`);
      if (typeof definition.file !== 'string') {
        const origin = definition.environment !== undefined ? 'an environment variable of your machine' : definition.external === true ? 'an external secret store' : 'a source other than a file';
        this.note(`secrets: ${name} comes from ${origin}; it is not delivered (only file secrets are)`);
        continue;
      }
      const file = path.posix.normalize(path.posix.join(path.posix.dirname(this.model.file), definition.file));
      if (path.posix.isAbsolute(definition.file) || definition.file.startsWith('~') || file === '..' || file.startsWith('../')) {
        this.settings.refusals.push({ setting: `secrets.${name}.file: ${definition.file}`, reason: 'only files inside the challenge folder are delivered as secrets' });
        continue;
      }
      const target = typeof long.target === 'string' && long.target !== '' ? (long.target.startsWith('/') ? long.target : `${SECRETS_DIR}/${long.target}`) : `${SECRETS_DIR}/${name}`;
      const mode = long.mode === undefined ? DEFAULT_SECRET_MODE : fileMode(long.mode);
      if (mode === undefined) {
        this.invalid(`secrets: ${name}`, `mode ${JSON.stringify(long.mode)} is not a file mode such as 0400`);
        continue;
      }
      this.settings.secretFiles.push({ name, file, target: path.posix.normalize(target), mode });
    }
  }

  private namespaces(): void {
    const shared: [key: string, field: 'NetworkMode' | 'PidMode' | 'IpcMode' | 'UTSMode' | 'UsernsMode'][] = [
      ['network_mode', 'NetworkMode'], ['pid', 'PidMode'], ['ipc', 'IpcMode'], ['uts', 'UTSMode'], ['userns_mode', 'UsernsMode'],
    ];
    if (this.spec.cgroup === 'host') this.settings.refusals.push({ setting: 'cgroup: host', reason: "the host's cgroup namespace shows the container the host's cgroup tree" });
    for (const [key, field] of shared) {
      const value = this.spec[key];
      if (value === undefined || value === null) continue;
      if (value === 'host') this.host[field] = 'host';
      else if (key === 'ipc' && (value === 'private' || value === 'shareable' || value === 'none')) this.host.IpcMode = value;
      else if (key === 'network_mode' && value === 'none') continue;
      else this.note(`${key}: ${String(value)}: not applied; ${key === 'network_mode' ? 'the container runs without a network' : 'the container gets its own namespace'}`);
    }
  }

  private volumesAndDevices(): void {
    for (const rule of asArray(this.spec.device_cgroup_rules)) {
      this.settings.refusals.push({ setting: `device_cgroup_rules: ${String(rule)}`, reason: 'host devices are not available to exercises' });
    }
    const devices: Docker.DeviceMapping[] = [];
    for (const entry of asArray(this.spec.devices)) {
      const long = asRecord(entry);
      const [source = '', target = source, permissions = 'rwm'] = typeof entry === 'string' ? entry.split(':') : [String(long.source ?? ''), String(long.target ?? long.source ?? ''), String(long.permissions ?? 'rwm')];
      devices.push({ PathOnHost: source, PathInContainer: target, CgroupPermissions: permissions });
    }
    if (devices.length > 0) this.host.Devices = devices;
    for (const entry of asArray(this.spec.volumes)) {
      if (typeof entry === 'string') this.shortVolume(entry);
      else if (isRecord(entry)) this.longVolume(entry);
    }
  }

  private shortVolume(entry: string): void {
    const [source = '', target, mode] = entry.split(':');
    if (target === undefined) return this.freshVolume(entry, source, false);
    const readOnly = (mode ?? '').split(',').includes('ro');
    if (/^[/.~]/.test(source)) this.addBind(source, target, readOnly);
    else this.freshVolume(entry, target, readOnly);
  }

  private longVolume(entry: Record<string, unknown>): void {
    const target = typeof entry.target === 'string' ? entry.target : '';
    const source = typeof entry.source === 'string' ? entry.source : '';
    const readOnly = entry.read_only === true;
    if (entry.type === 'bind') return this.addBind(source, target, readOnly);
    if (entry.type === 'tmpfs') {
      const tmpfs = asRecord(entry.tmpfs);
      const options: string[] = [];
      const size = tmpfs.size === undefined ? undefined : composeBytes(tmpfs.size);
      if (size !== undefined) options.push(`size=${size}`);
      else if (tmpfs.size !== undefined) this.invalid(`volumes: tmpfs ${target}`, `size ${JSON.stringify(tmpfs.size)} is not a size`);
      const mode = tmpfs.mode === undefined ? undefined : fileMode(tmpfs.mode);
      if (mode !== undefined) options.push(`mode=${mode.toString(8)}`);
      return this.addTmpfs(`volumes: tmpfs ${target}`, target, options.join(','));
    }
    if (entry.type === 'volume' || entry.type === undefined) return this.freshVolume(`${source || '(anonymous)'}:${target}`, target, readOnly);
    this.note(`volumes: ${String(entry.type)} at ${target}: not applied`);
  }

  private addBind(source: string, target: string, readOnly: boolean): void {
    (this.host.Binds ??= []).push(`${source}:${target}${readOnly ? ':ro' : ''}`);
  }

  /** A named or anonymous volume becomes a fresh anonymous one: the path stays writable, nothing persists. */
  private freshVolume(written: string, target: string, readOnly: boolean): void {
    if (!target.startsWith('/')) return this.invalid(`volumes: ${written}`, 'the path inside the container must be absolute');
    (this.host.Mounts ??= []).push({ Type: 'volume', Source: '', Target: target, ReadOnly: readOnly });
    this.note(`volumes: ${written}: a fresh, empty volume for this check (removed afterwards; nothing persists)`);
  }

  private addTmpfs(written: string, target: string, options: string): void {
    if (!target.startsWith('/')) return this.invalid(written, 'the path inside the container must be absolute');
    this.host.Tmpfs = { ...this.host.Tmpfs, [target]: options };
  }

  /** A compose boolean (`true`, `"true"`, `yes`), read as compose and the rules read it. */
  private flag(key: string): boolean {
    const value = this.spec[key];
    if (value === undefined || value === null) return false;
    const parsed = composeBoolean(value);
    if (parsed === undefined) this.invalid(key, `${JSON.stringify(value)} is not true or false`);
    return parsed === true;
  }

  private note(text: string): void {
    this.settings.notes.push(text);
  }

  private invalid(setting: string, reason: string): void {
    this.settings.invalid.push({ setting, reason });
  }
}

function wholeNumberOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * A file mode from YAML. `0440` reads as the number 440 under YAML 1.2, so a number written with
 * octal digits only is taken as the octal the learner meant; `'0440'` and `0o440` work as well.
 */
function fileMode(value: unknown): number | undefined {
  if (typeof value === 'string' && /^0?o?[0-7]{1,4}$/.test(value.trim())) return parseInt(value.trim().replace(/^0?o?/, '') || '0', 8);
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return undefined;
  if (/^[0-7]{1,4}$/.test(String(value))) return parseInt(String(value), 8);
  return value <= 0o7777 ? value : undefined;
}
