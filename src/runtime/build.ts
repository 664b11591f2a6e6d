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
import { buildFailureMessage } from './commandNotFound.js';
import { engineVersion } from './engineFacts.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile.js';
import { assertContextWithinLimit, BuildContextError, formatSize, packContext } from './buildContext.js';
import { loadGrpc, openSecretsSession, type SecretsSession } from './buildSecrets.js';
import { createBuildCgroup } from './buildCgroup.js';
import { boundBuildKitSteps } from './buildKitBounds.js';
import { buildKitStepLine, classicStepLines, runMounts, type RunMount } from './buildSteps.js';
import { buildCaps, containerCaps, timeouts } from './limits.js';
import { removeImage } from './removal.js';
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
  /** The Dockerfile as the check already read and parsed it; read and parsed here when absent. */
  source?: { text: string; model: DockerfileModel };
  /** Stop the build when one classic step's container has written more than this (default buildCaps.stepDiskBytes). */
  maxStepDiskBytes?: number;
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
  const text = request.source?.text ?? readDockerfile(request);
  const model = request.source?.model ?? (text === undefined ? undefined : tryParse(text, request.dockerfile));
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
  // Stops the build when a step writes more to disk than the cap (see watchStepDisk).
  const guard = new AbortController();
  const signal = AbortSignal.any([session.signal, deadline, guard.signal]);
  // Track the tag before the request: a build cut short may still have tagged the image.
  session.trackImage(request.tag);
  const grpc = useBuildKit ? loadGrpc() : undefined;
  // buildKitBlocker has already refused a build that needs BuildKit when grpc is missing.
  const secretsSession = grpc ? await openSecretsSession(session.docker, request.secrets ?? {}, grpc) : undefined;
  const stepLimits = { pids: buildCaps.pidsLimit, memoryBytes: containerCaps.memoryBytes };
  // Classic steps run in the build's cgroup parent; BuildKit's ignore it and are capped one by one.
  const cgroup = useBuildKit ? { parent: undefined, release: async () => undefined } : await createBuildCgroup(session.docker, session.id, stepLimits);
  const buildKitSteps = useBuildKit ? boundBuildKitSteps(session.docker, stepLimits) : undefined;
  const context: RunContext = { signal, deadline, guard, timeoutMs, model, secretsSession, cgroupParent: cgroup.parent, maxStepDiskBytes: request.maxStepDiskBytes ?? buildCaps.stepDiskBytes };
  try {
    // Another check's cleanup removed a cached layer between our cache hit and our next step
    // (the engine offers no lock); the same build on the layers that are left succeeds. With
    // several checks of one challenge at once it can happen again on the next try.
    for (let attempt = 1; ; attempt++) {
      try {
        await session.track(runBuild(session, request, context));
        break;
      } catch (error) {
        if (!(error instanceof BuildFailedError) || !isMissingParent(error.message) || signal.aborted || attempt >= MISSING_PARENT_ATTEMPTS) throw error;
      }
    }
  } finally {
    secretsSession?.close();
    buildKitSteps?.stop();
    await cgroup.release();
  }
  if (useBuildKit) await boundBuildKitCache(session.docker);
  else await keepAsCache(session, request.tag);
}

/**
 * Watches the writable layer of a classic build step's container and stops the build once it
 * holds more than the cap: a RUN writing gigabytes is cut off within a poll of the limit, and
 * its container goes with the cancelled build. Polling ends when the container does.
 */
function watchStepDisk(docker: Docker, containerId: string, run: RunContext): void {
  const poll = async (): Promise<void> => {
    while (!run.signal.aborted) {
      const info = (await docker.getContainer(containerId).inspect({ size: true } as object).catch(() => undefined)) as { SizeRw?: number; State?: { Running?: boolean } } | undefined;
      if (!info) return;
      if ((info.SizeRw ?? 0) > run.maxStepDiskBytes) {
        run.guard.abort(new Error(`a build step wrote more than ${formatSize(run.maxStepDiskBytes)} to disk and the build was stopped`));
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, DISK_POLL_MS));
    }
  };
  void poll();
}

const DISK_POLL_MS = 250;

const MISSING_PARENT_ATTEMPTS = 3;

/** The builder's ways of saying a layer it stood on is gone (`failed to get digest`: its config file). */
function isMissingParent(message: string): boolean {
  return /unknown parent image|no such image|failed to get layer|failed to get digest|layer does not exist/i.test(message);
}

/**
 * The classic builder's cache is its committed layers. One chain per image name is kept for the
 * next check, under `shipshape-cache/<name>:latest`; the chain it replaces is removed (with its
 * parents no other image stands on), so the cache stays one chain per challenge. Layers of the
 * session's build that the kept image does not stand on (other stages) are removed at cleanup.
 */
async function keepAsCache(session: RuntimeSession, tag: string): Promise<void> {
  const cacheRepository = cacheRepositoryFor(tag);
  if (!cacheRepository) return;
  const docker = session.docker;
  const built = await docker.getImage(tag).inspect().catch(() => undefined);
  if (!built) return;
  const [previous, history] = await Promise.all([
    docker.getImage(`${cacheRepository}:latest`).inspect().catch(() => undefined),
    docker.getImage(built.Id).history().catch(() => [] as { Id: string }[]),
  ]);
  session.keepLayers(history.map((entry: { Id: string }) => entry.Id).filter((id: string) => id.startsWith('sha256:')).map(shortId));
  session.keepLayers([shortId(built.Id)]);
  if (previous?.Id === built.Id) return;
  await docker.getImage(built.Id).tag({ repo: cacheRepository, tag: 'latest' }).catch(() => undefined);
  // The replaced chain: removed only when no session holds it any more (a tag of its own).
  const stale = previous && (await docker.getImage(previous.Id).inspect().catch(() => undefined));
  if (stale && (stale.RepoTags ?? []).filter((t) => t !== '<none>:<none>').length === 0) await removeImage(docker, previous.Id, { prune: true });
}

/** `shipshape-check/suid:...` -> `shipshape-cache/suid`; undefined for a tag that is not a session's. */
export function cacheRepositoryFor(tag: string): string | undefined {
  const match = /^shipshape-check\/([^:]+):/.exec(tag);
  return match ? `shipshape-cache/${match[1]}` : undefined;
}

function shortId(id: string): string {
  return id.replace(/^sha256:/, '').slice(0, 12);
}

/**
 * BuildKit keeps its cache inside the engine, not as images: after each BuildKit build the
 * engine is asked to trim unused cache above a bound (its oldest records go first).
 */
async function boundBuildKitCache(docker: Docker): Promise<void> {
  await new Promise<void>((resolve) => {
    docker.modem.dial(
      { path: '/build/prune?', method: 'POST', options: { 'keep-storage': buildCaps.buildKitCacheBytes }, statusCodes: { 200: true, 400: true, 404: true, 500: true } },
      () => resolve(),
    );
  });
}

interface RunContext {
  signal: AbortSignal;
  deadline: AbortSignal;
  guard: AbortController;
  maxStepDiskBytes: number;
  timeoutMs: number;
  model: DockerfileModel | undefined;
  secretsSession: SecretsSession | undefined;
  /** A cgroup with PID and memory limits for every RUN (buildCgroup.ts), where one could be made. */
  cgroupParent: string | undefined;
}

async function runBuild(session: RuntimeSession, request: BuildRequest, run: RunContext): Promise<void> {
  const layers = new LayerTracker();
  const startedAt = Date.now();
  try {
    return await followBuild(session, request, run, layers);
  } finally {
    // Whatever way the build ended, its own layers are the session's to remove.
    for (const id of await verifiedLayers(session.docker, layers.finish(), startedAt)) session.trackLayer(id);
  }
}

async function followBuild(session: RuntimeSession, request: BuildRequest, run: RunContext, layers: LayerTracker): Promise<void> {
  const buildKit = run.secretsSession !== undefined;
  const stream = await session.docker.buildImage(packContext(request.contextDir, request.dockerfile), {
    t: request.tag,
    dockerfile: request.dockerfile,
    // The classic builder implements build labels as LABEL steps appended to the Dockerfile: they
    // would bust the cache, cost a container each and show in the learner's log. Its images are
    // owned through the session's tag instead; BuildKit writes labels into the image config.
    ...(buildKit ? { labels: request.labels } : {}),
    networkmode: 'none',
    memory: containerCaps.memoryBytes,
    memswap: containerCaps.memoryBytes,
    ...(run.cgroupParent ? { cgroupparent: run.cgroupParent } : {}),
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
      const why = run.deadline.aborted
        ? `the build took longer than ${run.timeoutMs / 1000} s and was stopped`
        : run.guard.signal.aborted
          ? (run.guard.signal.reason as Error).message
          : 'the build was cancelled';
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
          if (!buildKit) {
            layers.read(line);
            const running = /^ ---> Running in ([0-9a-f]{12})$/.exec(line)?.[1];
            if (running) watchStepDisk(session.docker, running, run);
          }
          log.push(line);
          request.onProgress?.(header ?? line);
        }
      },
    );
  });
  const failure = events.find((event) => event.error || event.errorDetail);
  if (failure) {
    const message = builderMessage(failure.errorDetail?.message ?? failure.error ?? 'build failed');
    // A Dockerfile the builder could not parse names its line in the message instead of a step.
    const line = stepLine(step, buildKit, stepLines, run.model) ?? lineInMessage(message);
    throw new BuildFailedError(buildFailureMessage(message, log, step), step, line, log);
  }
}

/** A layer the output says this build committed, and the layer it must stand on. */
export interface LayerClaim {
  id: string;
  parent: string;
}

/**
 * Which layers a classic build committed, from its output. Each step ends in ` ---> <id>`; the
 * id is the step's own work unless the builder said ` ---> Using cache` right after the step's
 * header, or the step was a FROM that ran nothing (ONBUILD triggers run under FROM and commit).
 * A RUN's own output shares the stream and could print such lines, so only the last id of each
 * step counts, and each claim names the parent it must have: `verifiedLayers` asks the engine.
 */
export class LayerTracker {
  private readonly claims: LayerClaim[] = [];
  private tip: string | undefined;
  private step: { from: boolean; cached: boolean; ran: boolean; first: string | undefined; last: string | undefined; lines: number } | undefined;

  /** Feed every output line of the build. */
  read(line: string): void {
    if (/^Step \d+\/\d+ :/.test(line)) {
      this.endStep();
      this.step = { from: /^Step \d+\/\d+ : FROM\s/i.test(line), cached: false, ran: false, first: undefined, last: undefined, lines: 0 };
      return;
    }
    const step = this.step;
    if (!step) return;
    step.lines++;
    if (step.lines === 1 && line === ' ---> Using cache') step.cached = true;
    if (step.from && (/^# Executing \d+ build trigger/.test(line) || /^ ---> Running in [0-9a-f]+$/.test(line))) step.ran = true;
    const id = /^ ---> ([0-9a-f]{12})$/.exec(line)?.[1];
    if (id) {
      step.first ??= id;
      step.last = id;
    }
  }

  /** The claims so far, the unfinished last step included (a cancelled build may have committed it). */
  finish(): LayerClaim[] {
    this.endStep();
    return [...this.claims];
  }

  private endStep(): void {
    const step = this.step;
    this.step = undefined;
    if (!step?.last) return;
    const parent = step.from ? step.first : this.tip;
    if (!step.cached && (!step.from || step.ran) && parent && parent !== step.last) this.claims.push({ id: step.last, parent });
    this.tip = step.last;
  }
}

/**
 * The claimed layers the engine confirms: the image exists, stands on the claimed parent, and
 * was made after the build began. A learner's RUN cannot make shipshape remove an image it only
 * named.
 */
export async function verifiedLayers(docker: Docker, claims: LayerClaim[], startedAt: number): Promise<string[]> {
  const verified: string[] = [];
  for (const claim of claims) {
    const info = await docker.getImage(claim.id).inspect().catch(() => undefined);
    if (!info || !info.Parent.replace(/^sha256:/, '').startsWith(claim.parent)) continue;
    if (Date.parse(info.Created) < startedAt - 5_000) continue;
    verified.push(claim.id);
  }
  return verified;
}

/**
 * The builder's error as evidence: one line, and never a body the daemon got from a server (a
 * registry's or web server's error page can carry anything, and the learner may have chosen the
 * server). Pure.
 * @example builderMessage('error parsing HTTP 404 response body: invalid character \'<\' ...: "<html>secret</html>"') // 'error parsing HTTP 404 response body (not shown: it came from a server)'
 */
export function builderMessage(raw: string): string {
  let text = raw.trim();
  const body = /(\bresponse body\b|\bbody:|<html|<!doctype|<\?xml)/i.exec(text);
  if (body) text = `${text.slice(0, body.index).replace(/[\s:;,-]+$/, '')}${/response body/i.test(body[0]) ? ' response body' : ''} (not shown: it came from a server)`.trim();
  text = text.replace(/\s*\n\s*/g, ' ');
  return text.length > 400 ? `${text.slice(0, 400)}...` : text;
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
  const version = await engineVersion(docker);
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
