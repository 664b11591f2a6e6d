/**
 * Building the learner's image through dockerode: network none, labelled, capped in memory, time
 * and context size, progress streamed to a callback, and a failing step mapped back to the
 * learner's line.
 *
 * The classic builder is the default: it honours the memory cap and its intermediate containers
 * are removed even when the build fails or is cut short (forcerm). A Dockerfile that uses
 * `RUN --mount`, or a build given secrets, needs BuildKit; it then goes through a build session
 * that serves the secrets (buildSecrets.ts). Where the engine or client cannot do that, the
 * build is refused before it starts, naming the line that needs it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile.js';
import { assertContextWithinLimit, BuildContextError, packContext } from './buildContext.js';
import { loadGrpc, openSecretsSession, type SecretsSession } from './buildSecrets.js';
import { buildKitStepLine, classicStepLines, runMounts, type RunMount } from './buildSteps.js';
import { buildCaps, containerCaps, timeouts } from './limits.js';
import type { RuntimeSession } from './session.js';

export interface BuildRequest {
  contextDir: string;
  /** Relative to contextDir. */
  dockerfile: string;
  tag: string;
  labels: Record<string, string>;
  /** One line of build output at a time, for a progress display. */
  onProgress?: (line: string) => void;
  /** Line of each build step in the Dockerfile, in the order the builder numbers them. */
  stepLines?: number[];
  /** Stop the build after this long (default timeouts.buildMs). */
  timeoutMs?: number;
  /** Refuse a context bigger than this after .dockerignore (default buildCaps.contextBytes). */
  maxContextBytes?: number;
  /** Values for `RUN --mount=type=secret,id=<key>`; giving any makes the build use BuildKit. */
  secrets?: Readonly<Record<string, string>>;
}

export class BuildFailedError extends Error {
  constructor(message: string, readonly step: string | undefined, readonly line: number | undefined, readonly log: string[]) {
    super(message);
    this.name = 'BuildFailedError';
  }
}

interface BuildEvent {
  stream?: string;
  error?: string;
  errorDetail?: { message?: string };
  aux?: { ID?: string };
}

export async function buildImage(session: RuntimeSession, request: BuildRequest): Promise<void> {
  const timeoutMs = request.timeoutMs ?? timeouts.buildMs;
  const text = readDockerfile(request);
  const model = text === undefined ? undefined : tryParse(text, request.dockerfile);
  const mounts = model && text !== undefined ? runMounts(model, text) : [];
  const useBuildKit = request.secrets !== undefined || mounts.length > 0;
  if (useBuildKit) {
    const refusal = buildKitRefusal(mounts, await buildKitBlocker(session.docker), request.dockerfile);
    if (refusal) throw refusal;
  }
  try {
    assertContextWithinLimit(request.contextDir, request.dockerfile, request.maxContextBytes ?? buildCaps.contextBytes);
  } catch (error) {
    if (error instanceof BuildContextError) throw new BuildFailedError(error.message, undefined, undefined, []);
    throw error;
  }

  const deadline = AbortSignal.timeout(timeoutMs);
  const signal = AbortSignal.any([session.signal, deadline]);
  // Track the tag before the request: a build cut short may still have tagged the image.
  session.trackImage(request.tag);
  const grpc = useBuildKit ? loadGrpc() : undefined;
  // buildKitBlocker has already refused a build that needs BuildKit when grpc is missing.
  const secretsSession = grpc ? await openSecretsSession(session.docker, request.secrets ?? {}, grpc) : undefined;
  try {
    return await runBuild(session, request, { signal, deadline, timeoutMs, model, secretsSession });
  } finally {
    secretsSession?.close();
  }
}

interface RunContext {
  signal: AbortSignal;
  deadline: AbortSignal;
  timeoutMs: number;
  model: DockerfileModel | undefined;
  secretsSession: SecretsSession | undefined;
}

async function runBuild(session: RuntimeSession, request: BuildRequest, run: RunContext): Promise<void> {
  const buildKit = run.secretsSession !== undefined;
  const stream = await session.docker.buildImage(packContext(request.contextDir, request.dockerfile), {
    t: request.tag,
    dockerfile: request.dockerfile,
    labels: request.labels,
    networkmode: 'none',
    memory: containerCaps.memoryBytes,
    memswap: containerCaps.memoryBytes,
    rm: true,
    forcerm: true,
    pull: false,
    // A number, not dockerode's '2': that string makes dockerode open its own session, which
    // serves registry credentials only and would replace ours.
    ...(buildKit ? { version: 2, session: run.secretsSession?.id } : {}),
    abortSignal: run.signal,
  } as unknown as Docker.ImageBuildOptions);

  const log: string[] = [];
  let step: string | undefined;
  const stepLines = request.stepLines ?? (run.model ? classicStepLines(run.model) : undefined);
  const events = await new Promise<BuildEvent[]>((resolve, reject) => {
    const onAbort = () => {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      const why = run.deadline.aborted ? `the build took longer than ${run.timeoutMs / 1000} s and was stopped` : 'the build was cancelled';
      reject(new BuildFailedError(why, step, lineOf(step), log));
    };
    const lineOf = (current: string | undefined) => stepLine(current, buildKit, stepLines, run.model);
    if (run.signal.aborted) return onAbort();
    run.signal.addEventListener('abort', onAbort, { once: true });
    // dockerode's followProgress decodes BuildKit's protobuf trace into text lines.
    // (dockerode 5 has it; the published types, for dockerode 4, do not.)
    const docker = session.docker as Docker & { followProgress: Docker['modem']['followProgress'] };
    const follow = buildKit ? docker.followProgress.bind(docker) : docker.modem.followProgress.bind(docker.modem);
    follow(
      stream,
      (error: Error | null, output: BuildEvent[]) => {
        run.signal.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve(output);
      },
      (event: BuildEvent) => {
        for (const raw of (event.stream ?? '').split('\n')) {
          if (raw.trim() === '') continue;
          const line = buildKit ? readableBuildKitLine(raw) : raw;
          const header = buildKit ? buildKitStepHeader(line) : /^Step \d+\/\d+ :/.test(line) ? line : undefined;
          if (header) step = header;
          log.push(line);
          request.onProgress?.(header ?? line);
        }
      },
    );
  });
  const failure = events.find((event) => event.error || event.errorDetail);
  if (failure) {
    const message = (failure.errorDetail?.message ?? failure.error ?? 'build failed').trim();
    // A Dockerfile the builder could not parse names its line in the message instead of a step.
    const line = stepLine(step, buildKit, stepLines, run.model) ?? lineInMessage(message);
    throw new BuildFailedError(message, step, line, log);
  }
}

function stepLine(step: string | undefined, buildKit: boolean, stepLines: number[] | undefined, model: DockerfileModel | undefined): number | undefined {
  if (!step) return undefined;
  if (buildKit) return model ? buildKitStepLine(model, step) : undefined;
  const stepNumber = Number(/^Step (\d+)/.exec(step)?.[1]);
  return stepNumber ? stepLines?.[stepNumber - 1] : undefined;
}

function lineInMessage(message: string): number | undefined {
  const found = /(?:Dockerfile:|line )(\d+)/.exec(message)?.[1];
  return found ? Number(found) : undefined;
}

/** `[sha256:1a2b3] [build 2/4] RUN make` -> `[build 2/4] RUN make`, for BuildKit's step vertices only. */
export function buildKitStepHeader(line: string): string | undefined {
  const name = /^\[sha256:[0-9a-f]+\] (.*)$/.exec(line)?.[1];
  return name && /^\[(?:\S+ )?\d+\/\d+\] /.test(name) ? name : undefined;
}

/**
 * dockerode 5.0.1 prints the output of BuildKit's RUN steps as base64 (it asks protobufjs for
 * bytes as strings); turn such a line back into text when it clearly is encoded text.
 */
export function readableBuildKitLine(line: string): string {
  if (line.length < 8 || line.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(line)) return line;
  const decoded = Buffer.from(line, 'base64').toString('utf8');
  // eslint-disable-next-line no-control-regex
  return /^[^\u0000-\u0008\u000e-\u001f\ufffd]*$/.test(decoded) ? decoded.trimEnd() : line;
}

/**
 * Why BuildKit cannot run here, or undefined when it can: the client needs dockerode's gRPC
 * library for the build session, and the engine needs the session API (Docker 18.09, API 1.39).
 * Podman's Docker-compatible API builds with Buildah and has no such session.
 */
export async function buildKitBlocker(docker: Docker): Promise<string | undefined> {
  if (!loadGrpc()) return 'the installed dockerode has no gRPC library (@grpc/grpc-js) to serve a build session';
  const version = (await docker.version().catch(() => undefined)) as (Docker.DockerVersion & { Components?: { Name?: string }[] }) | undefined;
  if (!version) return 'the engine did not say which version it is';
  if (version.Components?.some((component) => /podman/i.test(component.Name ?? ''))) return "Podman's Docker-compatible API has no BuildKit build sessions";
  if (version.Os !== 'linux') return `BuildKit builds need a Linux engine; this one runs ${version.Os}`;
  const [major = 0, minor = 0] = version.ApiVersion.split('.').map(Number);
  if (major < 1 || (major === 1 && minor < 39)) return `the engine speaks API ${version.ApiVersion}; build sessions need 1.39 (Docker 18.09) or later`;
  return undefined;
}

/**
 * The error for a Dockerfile that needs BuildKit on an engine or client that cannot run it,
 * naming the first line that needs it; undefined when nothing blocks.
 */
export function buildKitRefusal(mounts: readonly RunMount[], blocker: string | undefined, dockerfile: string): BuildFailedError | undefined {
  if (blocker === undefined) return undefined;
  const first = mounts.find((mount) => mount.type === 'secret') ?? mounts[0];
  if (!first) return new BuildFailedError(`build secrets need BuildKit, and ${blocker}`, undefined, undefined, []);
  const what = first.type === 'secret' ? `--mount=type=secret${first.id ? ` (secret "${first.id}")` : ''}` : `--mount=type=${first.type}`;
  return new BuildFailedError(
    `${dockerfile}:${first.line}: \`${first.instruction}\` uses ${what}, which only BuildKit can provide, and ${blocker}`,
    first.instruction,
    first.line,
    [],
  );
}

function readDockerfile(request: BuildRequest): string | undefined {
  try {
    return readFileSync(path.join(request.contextDir, request.dockerfile), 'utf8');
  } catch {
    // Missing: the builder's own error says so, with the path as the engine saw it.
    return undefined;
  }
}

function tryParse(text: string, file: string): DockerfileModel | undefined {
  try {
    return parseDockerfile(text, file);
  } catch {
    // The static pass reports parse errors with positions; the builder will report its own.
    return undefined;
  }
}
