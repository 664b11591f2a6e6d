/**
 * Starting the learner's container and running probe commands inside it. The container gets the
 * learner's own settings plus shipshape's non-negotiables: network none, labels, memory, CPU and
 * PID caps. Settings that no exercise may grant are refused before anything is created.
 */
import { PassThrough } from 'node:stream';
import type Docker from 'dockerode';
import { containerCaps, timeouts } from './limits.js';
import { RefusedSettingsError, refusalsFor } from './policy.js';
import type { RuntimeSession } from './session.js';

export interface ContainerSettings {
  image: string;
  labels: Record<string, string>;
  /** What the learner's files ask for (user, read-only, capabilities, ...). */
  host?: Docker.HostConfig;
  user?: string;
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
  };
}

export async function startContainer(session: RuntimeSession, settings: ContainerSettings): Promise<Docker.Container> {
  const requested = settings.host ?? {};
  const refusals = refusalsFor(requested);
  if (refusals.length > 0) throw new RefusedSettingsError(refusals);
  const container = await session.docker.createContainer({
    Image: settings.image,
    Labels: settings.labels,
    User: settings.user,
    NetworkDisabled: true,
    HostConfig: hardenHostConfig(requested),
    abortSignal: session.signal,
  } as Docker.ContainerCreateOptions);
  session.trackContainer(container.id);
  await container.start({ abortSignal: session.signal } as object);
  return container;
}

/**
 * Runs a command inside a running container, as the container's own user, and collects its
 * output. Output is capped so a hostile image cannot flood memory.
 */
export async function execInContainer(session: RuntimeSession, container: Docker.Container, cmd: string[], timeoutMs: number = timeouts.execMs): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true, AttachStdin: false, Tty: false });
  const stream = await exec.start({ hijack: true, stdin: false });
  const stdout = new CappedText();
  const stderr = new CappedText();
  session.docker.modem.demuxStream(stream, stdout.sink, stderr.sink);
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
