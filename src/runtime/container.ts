/**
 * Starting the learner's container and running probe commands inside it. The container gets the
 * learner's own settings plus shipshape's non-negotiables: network none, labels, memory, CPU and
 * PID caps. Settings that no exercise may grant are refused before anything is created.
 */
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { containerCaps, timeouts } from './limits.js';
import { RefusedSettingsError, refusalsFor } from './policy.js';
import type { RuntimeSession } from './session.js';
import { fileArchive } from './settings/fileArchive.js';
import { TOOLBOX_BUSYBOX, toolboxIntact, toolboxMount, toolboxVolume, type Toolbox } from './toolbox.js';

export interface ContainerSettings {
  image: string;
  labels: Record<string, string>;
  /** What the learner's files ask for (user, read-only, capabilities, ...). */
  host?: Docker.HostConfig;
  user?: string;
  env?: string[];
  entrypoint?: string[];
  cmd?: string[];
  workingDir?: string;
  healthcheck?: Docker.HealthConfig;
  /** Files placed before the process starts (secrets), each in a volume so a read-only root still takes them. */
  files?: DeliveredFile[];
  /** shipshape's own busybox, put in before the process starts, for `execTrusted`. */
  toolbox?: Toolbox;
}

export interface DeliveredFile {
  /** Absolute path inside the container. */
  path: string;
  content: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

export interface ExecResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** The learner's host settings with shipshape's caps applied on top (tighter learner limits win). */
export function hardenHostConfig(requested: Docker.HostConfig = {}): Docker.HostConfig {
  const tighter = (asked: number | undefined, cap: number) => (asked && asked > 0 && asked < cap ? asked : cap);
  const memory = tighter(requested.Memory, containerCaps.memoryBytes);
  return {
    ...requested,
    NetworkMode: 'none',
    Memory: memory,
    MemorySwap: memory,
    NanoCpus: tighter(requested.NanoCpus, containerCaps.nanoCpus),
    PidsLimit: tighter(requested.PidsLimit ?? undefined, containerCaps.pidsLimit),
    AutoRemove: false,
    ...(requested.Tmpfs ? { Tmpfs: cappedTmpfs(requested.Tmpfs) } : {}),
    ...(requested.Mounts ? { Mounts: requested.Mounts.map(cappedTmpfsMount) } : {}),
  };
}

/**
 * Every tmpfs gets a size no larger than the cap (its pages count against the memory cap too,
 * but a full tmpfs should fail the app's write, not get the container killed).
 */
function cappedTmpfs(tmpfs: Record<string, string>): Record<string, string> {
  const capped: Record<string, string> = {};
  for (const [target, options] of Object.entries(tmpfs)) {
    const parts = options.split(',').filter((part) => part !== '');
    const size = parts.find((part) => part.startsWith('size='));
    const asked = size ? tmpfsBytes(size.slice(5)) : undefined;
    const keep = parts.filter((part) => !part.startsWith('size='));
    capped[target] = [...keep, `size=${asked !== undefined && asked > 0 && asked < containerCaps.tmpfsBytes ? asked : containerCaps.tmpfsBytes}`].join(',');
  }
  return capped;
}

function cappedTmpfsMount(mount: Docker.MountSettings): Docker.MountSettings {
  if (mount.Type !== 'tmpfs') return mount;
  const asked = mount.TmpfsOptions?.SizeBytes;
  const size = asked && asked > 0 && asked < containerCaps.tmpfsBytes ? asked : containerCaps.tmpfsBytes;
  return { ...mount, TmpfsOptions: { ...mount.TmpfsOptions, SizeBytes: size } as Docker.MountSettings['TmpfsOptions'] };
}

/** `64m` -> 67108864, as mount(8) reads tmpfs sizes; undefined for what it would not read (a percentage). */
function tmpfsBytes(value: string): number | undefined {
  const match = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!match) return undefined;
  const unit = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(match[2] ?? '').toLowerCase() as '' | 'k' | 'm' | 'g'];
  return Number(match[1]) * unit;
}

export async function startContainer(session: RuntimeSession, settings: ContainerSettings): Promise<Docker.Container> {
  const requested = settings.host ?? {};
  const refusals = refusalsFor(requested);
  if (refusals.length > 0) throw new RefusedSettingsError(refusals);
  const files = settings.files ?? [];
  const fileDirectories = [...new Set(files.map((file) => path.posix.dirname(file.path)))];
  const hostConfig = hardenHostConfig(requested);
  hostConfig.Mounts = withVolumesAt(hostConfig.Mounts ?? [], fileDirectories, settings.labels);
  if (settings.toolbox) hostConfig.Mounts.push(toolboxMount(await toolboxVolume(session.docker, settings.toolbox, settings.image)));
  if (hostConfig.Mounts.length === 0) delete hostConfig.Mounts;
  const container = await session.track(session.docker.createContainer({
    Image: settings.image,
    Labels: settings.labels,
    User: settings.user,
    Env: settings.env,
    Entrypoint: settings.entrypoint,
    Cmd: settings.cmd,
    WorkingDir: settings.workingDir,
    Healthcheck: settings.healthcheck,
    HostConfig: hostConfig,
    abortSignal: session.signal,
  } as Docker.ContainerCreateOptions));
  session.trackContainer(container.id);
  // Before start, so the process never runs without its secrets. The engine writes into a volume
  // even when the root filesystem is read-only; owner and mode come from the archive's headers.
  const mtime = Math.floor(Date.now() / 1000);
  for (const directory of fileDirectories) {
    const inDirectory = files.filter((file) => path.posix.dirname(file.path) === directory);
    const archive = fileArchive(inDirectory.map((file) => ({ ...file, name: path.posix.basename(file.path) })), mtime);
    await container.putArchive(archive, { path: directory, abortSignal: session.signal });
  }
  await container.start({ abortSignal: session.signal } as object);
  watchWritableLayer(session, container);
  return container;
}

/**
 * Ends the check when the container's writable layer grows past the cap (a process filling the
 * disk): the session is aborted and the container killed. The engine offers no size limit on
 * overlay2 over ext4 (`storage-opt size` needs xfs with project quotas), so it is watched.
 */
function watchWritableLayer(session: RuntimeSession, container: Docker.Container): void {
  const poll = async (): Promise<void> => {
    while (!session.signal.aborted) {
      await new Promise((resolve) => setTimeout(resolve, WRITABLE_LAYER_POLL_MS).unref());
      const info = (await container.inspect({ size: true } as object).catch(() => undefined)) as { SizeRw?: number } | undefined;
      if (!info) return;
      if ((info.SizeRw ?? 0) > containerCaps.writableLayerBytes) {
        session.abort(`the container wrote more than ${containerCaps.writableLayerBytes / 1024 / 1024} MiB to its filesystem and was stopped`);
        await container.kill().catch(() => undefined);
        return;
      }
    }
  };
  void poll();
}

const WRITABLE_LAYER_POLL_MS = 1_000;

/**
 * Runs argv with shipshape's busybox inside the container, never the image's programs. A
 * container whose process may be root could have replaced the busybox: it is then read back
 * through the engine and compared first, and a replaced one fails the probe instead of lying.
 */
export async function execTrusted(
  docker: Docker,
  container: Docker.Container,
  toolbox: Toolbox,
  argv: string[],
  options: { user?: string; timeoutMs?: number; processMayBeRoot: boolean },
): Promise<ExecResult> {
  if (options.processMayBeRoot && !(await toolboxIntact(container, toolbox))) {
    throw new Error(`shipshape's own busybox at ${TOOLBOX_BUSYBOX} was changed inside the container, so nothing it would say can be trusted`);
  }
  return runExec(docker, container, [TOOLBOX_BUSYBOX, ...argv], options);
}

/**
 * Whether the container's process might get around the toolbox's read-only mount: only with
 * capabilities beyond Docker's default set (CAP_SYS_ADMIN remounts), which is when the busybox
 * is read back and compared before each use.
 */
export function processMayBeRoot(info: Docker.ContainerInspectInfo): boolean {
  return (info.HostConfig.CapAdd ?? []).length > 0 || info.HostConfig.Privileged === true;
}

/**
 * The learner's volume mounts plus one fresh volume per directory that receives files, all
 * labelled so they are recognisably shipshape's. Volumes here are anonymous: the engine removes
 * them with the container (`v: true`), and no volume of the host's is ever attached.
 */
function withVolumesAt(mounts: Docker.MountSettings[], directories: string[], labels: Record<string, string>): Docker.MountSettings[] {
  const taken = new Set(mounts.map((mount) => mount.Target));
  const added = directories.filter((directory) => !taken.has(directory)).map((Target): Docker.MountSettings => ({ Type: 'volume', Source: '', Target }));
  return [...mounts, ...added].map((mount) =>
    // Only labels and NoCopy survive: a driver's options could bind a host path into the volume.
    mount.Type === 'volume' ? ({ ...mount, Source: '', VolumeOptions: { NoCopy: mount.VolumeOptions?.NoCopy ?? false, Labels: labels } } as Docker.MountSettings) : mount,
  );
}

/**
 * Runs a command inside a running container, as the container's own user, and collects its
 * output. Output is capped so a hostile image cannot flood memory.
 */
export function execInContainer(session: RuntimeSession, container: Docker.Container, cmd: string[], timeoutMs: number = timeouts.execMs): Promise<ExecResult> {
  return runExec(session.docker, container, cmd, { timeoutMs });
}

/** The exec itself, optionally as another user (probes that must look as root, or as an attacker). */
export async function runExec(docker: Docker, container: Docker.Container, cmd: string[], options: { user?: string; timeoutMs?: number } = {}): Promise<ExecResult> {
  const timeoutMs = options.timeoutMs ?? timeouts.execMs;
  const exec = await container.exec({ Cmd: cmd, User: options.user, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = new CappedText();
  const stderr = new CappedText();
  docker.modem.demuxStream(stream, stdout.sink, stderr.sink);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      stream.destroy();
      reject(new Error(`\`${cmd.join(' ')}\` did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    stream.on('end', done);
    stream.on('close', done);
    stream.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
  const info = await exec.inspect();
  return { exitCode: info.ExitCode ?? -1, stdout: stdout.text, stderr: stderr.text };
}

const MAX_OUTPUT = 256 * 1024;

class CappedText {
  readonly sink = new PassThrough();
  private chunks: Buffer[] = [];
  private size = 0;

  constructor() {
    this.sink.on('data', (chunk: Buffer) => {
      if (this.size >= MAX_OUTPUT) return;
      this.chunks.push(chunk);
      this.size += chunk.length;
    });
  }

  get text(): string {
    return Buffer.concat(this.chunks).toString('utf8').slice(0, MAX_OUTPUT);
  }
}
