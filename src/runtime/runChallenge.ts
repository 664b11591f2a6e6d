/**
 * The runtime half's one front door: given the learner's files as the static half parsed them,
 * gate the Dockerfile, build it, start the container the way it is configured (the image's own
 * settings, or a compose service's, or a Kubernetes container's), run each probe inside it, and
 * clean up whatever happens. Everything refused or malformed fails every probe before anything
 * is built or created. Progress is told as typed events; the caller's AbortSignal stops the
 * build or probe in flight and cleans up.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import type { CheckEventListener } from '../checks/events.js';
import type { CheckResult } from '../checks/types.js';
import type { RuntimeCheckSpec } from '../content/schema.js';
import type { ComposeModel } from '../parse/compose.js';
import type { DockerfileModel } from '../parse/dockerfile.js';
import type { KubernetesModel } from '../parse/kubernetes.js';
import { BuildFailedError, buildImage } from './build.js';
import { BuildContextError } from './buildContext.js';
import { buildKitStepLine, classicStepLines } from './buildSteps.js';
import { execInContainer, execTrusted, processMayBeRoot, startContainer, type DeliveredFile } from './container.js';
import { connectedEngine } from './engineConnection.js';
import { gateDockerfile, type GateRefusal } from './gate/buildGate.js';
import { CHALLENGE_LABEL } from './labels.js';
import { timeouts } from './limits.js';
import { RefusedSettingsError, type Refusal } from './policy.js';
import { findProbe } from './probes/registry.js';
import type { AnyProbe } from './probes/types.js';
import { RuntimeSession, sweepLeftovers } from './session.js';
import { loadToolbox, ToolboxUnavailableError } from './toolbox.js';
import { untilAborted } from '../shared/untilAborted.js';
import { containerUser, numericOwner, runAsNonRootViolation } from './settings/containerUser.js';
import { fromCompose } from './settings/fromCompose.js';
import { fromDockerfile } from './settings/fromDockerfile.js';
import { fromKubernetes } from './settings/fromKubernetes.js';
import { readSecretFiles, type SecretFile } from './settings/readSecretFiles.js';
import { emptyRunSettings, type RunSettings } from './settings/types.js';

/** The learner's run file, parsed once by the caller (the same model the rules saw). */
export type RunFileModel = { from: 'dockerfile' } | { from: 'compose'; model: ComposeModel | undefined } | { from: 'kubernetes'; model: KubernetesModel | undefined };

export interface RunChallengeRequest {
  challengeId: string;
  spec: RuntimeCheckSpec;
  /** The folder holding the learner's files; it is the build context. */
  dir: string;
  /** The learner's Dockerfile as parsed for the rules; undefined when it is missing. */
  dockerfile: DockerfileModel | undefined;
  /** Its text, as read for the rules (the builder's step mapping needs it); read again by the build when absent. */
  dockerfileText?: string | undefined;
  /** The compose file or manifest the container's settings come from, parsed; undefined model when missing. */
  runFile: RunFileModel;
  /**
   * Images FROM and COPY --from may name besides the file's own stages and scratch (see
   * gate/buildGate.ts). The course fills it from each challenge's own Dockerfiles; when absent
   * (a challenge built by hand), only images already on the engine are allowed: those are never fetched.
   */
  allowedImages?: ReadonlySet<string> | undefined;
  /** `# syntax=` frontends the challenge allows (default none). */
  allowedFrontends?: ReadonlySet<string>;
  /** An engine already connected (tests, or a caller running several checks); connected and swept here otherwise. */
  docker?: Docker;
  onEvent?: CheckEventListener;
  /** Aborting stops the build or probe in flight, removes what was created, and says "cancelled". */
  signal?: AbortSignal;
}

export interface RunChallengeResult {
  results: CheckResult[];
  cancelled: boolean;
}

const CANCELLED = 'the check was cancelled before it finished';

/**
 * @example
 *   const { results } = await runChallenge({ challengeId: 'non-root', spec, dir, dockerfile, runFile: { from: 'dockerfile' }, allowedImages: new Set(['busybox:1.36.1']) });
 */
export async function runChallenge(request: RunChallengeRequest): Promise<RunChallengeResult> {
  const { spec, onEvent } = request;
  const probes = spec.probes.map(({ probe, with: params }) => {
    const found = findProbe(probe);
    if (!found) throw new Error(`unknown probe ${probe}; the course validator should have caught this`);
    return { probe: found, params: found.params.parse(params) as unknown };
  });
  const done = (evidence: string, cancelled = false): RunChallengeResult => ({ results: failAll(probes, evidence), cancelled });
  if (request.signal?.aborted) return done(CANCELLED, true);
  if (!request.dockerfile) return done(`${spec.dockerfile} is missing, so there is nothing to build`);
  const dir = path.resolve(request.dir);

  onEvent?.({ type: 'phase', phase: 'gate', message: `checking ${spec.dockerfile} before anything is built` });
  const connected = request.allowedImages === undefined ? (request.docker ?? (await connectedEngine())) : request.docker;
  const allowedImages = request.allowedImages ?? (await imagesOnEngine(connected as Docker));
  const gate = gateDockerfile(request.dockerfile, { allowedImages, allowedFrontends: request.allowedFrontends ?? new Set() });
  if (gate.length > 0) return done(describeGate(spec.dockerfile, gate));
  // A declared frontend is used only when the engine already has it: BuildKit would pull it otherwise.
  const frontend = request.dockerfile.directives.syntax;
  if (frontend !== undefined) {
    const engine = connected ?? (await connectedEngine());
    const present = await engine.getImage(frontend).inspect().then(() => true, () => false);
    if (!present) return done(`${spec.dockerfile}:1: the frontend ${frontend} is not on the engine, and shipshape never lets the engine fetch one; run \`shipshape images prepare\` or remove the "# syntax=" line`);
  }

  const settings = runSettings(spec, request.runFile);
  // Secret files are read here, at the edge, and only from inside the challenge folder.
  const secrets = readSecretFiles(dir, settings.secretFiles);
  // Build secrets (`docker build --secret id=x,src=file`) come from the same folder, read the same way.
  const buildSecrets = readSecretFiles(dir, Object.entries(spec.buildSecrets ?? {}).map(([name, file]) => ({ name, file, target: `/run/secrets/${name}`, mode: 0o400 })));
  const refusals = [...settings.refusals, ...secrets.refusals, ...buildSecrets.refusals];
  if (refusals.length > 0) return done(new RefusedSettingsError(refusals).message);
  const invalid = [...settings.invalid, ...secrets.invalid, ...buildSecrets.invalid];
  if (invalid.length > 0) return done(`${settings.source}: the container cannot start with these settings: ${describeSettings(invalid)}`);

  const docker = connected ?? (await connectedEngine());
  if (request.signal?.aborted) return done(CANCELLED, true);
  const session = new RuntimeSession(docker);
  const cancelled = () => request.signal?.aborted === true;
  const onCancel = () => session.abort(CANCELLED);
  request.signal?.addEventListener('abort', onCancel, { once: true });
  const deadline = setTimeout(() => session.abort(`the runtime check took longer than ${timeouts.checkMs / 1000} s`), timeouts.checkMs);
  let swept: Promise<number> | undefined;
  try {
    const labels = session.labels({ [CHALLENGE_LABEL]: request.challengeId });
    // The tag names the owning session: classic builds cannot take labels without LABEL steps.
    const tag = session.imageTag(request.challengeId);
    for (const note of settings.notes) onEvent?.({ type: 'note', message: note });
    onEvent?.({ type: 'phase', phase: 'building', message: `building ${spec.dockerfile} (network none)` });
    const stepEvents = buildStepReporter(request.dockerfile, onEvent);
    const source = request.dockerfileText === undefined ? undefined : { text: request.dockerfileText, model: request.dockerfile };
    const secretValues = buildSecrets.files.length > 0 ? { secrets: Object.fromEntries(buildSecrets.files.map((file) => [file.name, file.content.toString('utf8')])) } : {};
    try {
      await buildImage(session, { contextDir: dir, dockerfile: spec.dockerfile, tag, labels, onProgress: stepEvents, source, ...secretValues });
    } finally {
      // The process's one sweep of killed runs' leftovers starts once this build is done, and
      // runs while the container starts: the check no longer waits for it (~40 ms), and it can
      // never remove a cached image this build was about to tag as its own.
      swept = sweepLeftovers(docker);
    }
    const image = await docker.getImage(tag).inspect();
    const imageUser = image.Config?.User ?? '';
    // The kubelet checks runAsNonRoot against the image before it creates the container; so do we.
    const nonRoot = runAsNonRootViolation(settings, imageUser);
    if (nonRoot) return done(`${nonRoot} (${settings.source})`);
    const user = containerUser(settings, imageUser);
    // Probes run shipshape's own busybox, never the image's tools; without one, say how to get it.
    const toolbox = await loadToolbox(docker).catch((error: unknown) => (error instanceof ToolboxUnavailableError ? error.message : Promise.reject(error)));
    if (typeof toolbox === 'string') return done(toolbox);
    onEvent?.({ type: 'phase', phase: 'starting', message: `starting the container with the settings of ${settings.source} (network none, memory, CPU and PID limits)` });
    const started = await startContainer(session, {
      toolbox,
      image: tag,
      labels,
      host: settings.host,
      user,
      env: settings.env,
      entrypoint: settings.entrypoint,
      cmd: settings.cmd,
      workingDir: settings.workingDir,
      healthcheck: settings.healthcheck,
      files: deliveredSecrets(secrets.files, user ?? imageUser, onEvent),
    }).catch((error: unknown) => {
      // The engine rejecting the learner's settings (a user missing from /etc/passwd, a bad
      // tmpfs option) is a verdict on those settings, not a crash.
      if (isEngineRejection(error) && !session.signal.aborted) return `the engine would not start the container with ${settings.source}: ${engineMessage(error)}`;
      throw error;
    });
    if (typeof started === 'string') return done(started);
    const container = started;
    const containerInfo = await container.inspect();
    const exitedEarly = await exitedRightAway(container, containerInfo);
    if (exitedEarly) return done(exitedEarly);
    onEvent?.({ type: 'phase', phase: 'probing', message: `probing the container (${probes.length} probe${probes.length === 1 ? '' : 's'})` });
    const context = {
      docker, imageRef: tag, container, containerInfo, image, requested: settings.host,
      exec: (cmd: string[]) => execInContainer(session, container, cmd),
      execTrusted: (argv: string[], as?: { user?: string }) => execTrusted(docker, container, toolbox, argv, { user: as?.user, processMayBeRoot: processMayBeRoot(containerInfo) }),
    };
    const results: (CheckResult | undefined)[] = probes.map(() => undefined);
    let exited: string | undefined;
    const runProbe = async (index: number): Promise<void> => {
      const { probe, params } = probes[index]!;
      if (session.signal.aborted || exited !== undefined) return;
      onEvent?.({ type: 'probe-started', id: probe.id, title: probe.passTitle, index, total: probes.length });
      let probeFailed = false;
      const verdict = await untilAborted(probe.run(context, params), session.signal).catch((error: unknown) => {
        probeFailed = true;
        return { passed: false, evidence: session.signal.aborted ? abortReason(session) : `the probe could not run: ${(error as Error).message}` };
      });
      // A command that ends within milliseconds can still read "running" at the first inspect;
      // a probe that then finds no container to exec in is about that exit, and so is every other.
      if (probeFailed && !session.signal.aborted) {
        exited ??= await exitedRightAway(container);
        if (exited !== undefined) return;
      }
      const result: CheckResult = { kind: 'runtime', id: probe.id, title: verdict.passed ? probe.passTitle : probe.title, item: probe.item, passed: verdict.passed, evidence: verdict.evidence, ...(verdict.passed ? {} : { fix: probe.fix }), findings: [] };
      results[index] = result;
      onEvent?.({ type: 'probe-result', result, index, total: probes.length });
    };
    // Probes that only look run together, before any probe that acts (an attack that plants a
    // file or starts a process), so none of them can see what an attack left; the rest run one
    // by one in the challenge's order. Results keep that order either way.
    const indexes = probes.map((_, index) => index);
    await Promise.all(indexes.filter((index) => probes[index]!.probe.observesOnly).map(runProbe));
    for (const index of indexes.filter((i) => !probes[i]!.probe.observesOnly)) await runProbe(index);
    if (exited !== undefined) return done(exited);
    if (session.signal.aborted) return { results: probes.map(({ probe }, index) => results[index] ?? failedResult(probe, abortReason(session))), cancelled: cancelled() };
    return { results: results as CheckResult[], cancelled: false };
  } catch (error) {
    if (cancelled()) return done(CANCELLED, true);
    if (error instanceof BuildFailedError) {
      const where = error.line ? `${spec.dockerfile}:${error.line}: ` : '';
      return done(`the image did not build: ${where}${error.message}`);
    }
    // The engine refusing the build request itself (a flag it does not know) is about the file.
    if (isEngineRejection(error) && !session.signal.aborted) {
      const message = engineMessage(error);
      const line = /dockerfile parse error line (\d+)/i.exec(message)?.[1];
      return done(`the image did not build: ${line ? `${spec.dockerfile}:${line}: ` : ''}${message}`);
    }
    if (error instanceof RefusedSettingsError) return done(error.message);
    if (error instanceof BuildContextError) return done(`the build context was not sent: ${error.message}`);
    if (session.signal.aborted) return done(abortReason(session));
    throw error;
  } finally {
    clearTimeout(deadline);
    request.signal?.removeEventListener('abort', onCancel);
    onEvent?.({ type: 'phase', phase: 'cleaning', message: 'removing the container and image' });
    await session.cleanup();
    // Long finished by now as a rule; a check does not end with the sweep still under way.
    await swept;
  }
}

/** Tags of the images the engine already has: building FROM them fetches nothing. */
async function imagesOnEngine(docker: Docker): Promise<Set<string>> {
  const images = await docker.listImages();
  return new Set(images.flatMap((image) => (image.RepoTags ?? []).filter((tag) => tag !== '<none>:<none>')));
}

/** Results for probes that did not run, all failed with the same evidence (a parse error, a missing file). */
export function notRun(spec: RuntimeCheckSpec, evidence: string): CheckResult[] {
  return spec.probes.map(({ probe: id }) => {
    const probe = findProbe(id);
    return { kind: 'runtime', id, title: probe?.title ?? id, item: probe?.item, passed: false, evidence, fix: probe?.fix, findings: [] };
  });
}

/** The run settings the challenge names, translated from the model the rules saw. */
function runSettings(spec: RuntimeCheckSpec, runFile: RunFileModel): RunSettings {
  if (runFile.from === 'dockerfile' || spec.run.from === 'dockerfile') return fromDockerfile(spec.dockerfile);
  if (!runFile.model) {
    const missing = emptyRunSettings(spec.run.file);
    missing.invalid.push({ setting: spec.run.file, reason: `${spec.run.file} is missing` });
    return missing;
  }
  if (runFile.from === 'compose' && spec.run.from === 'compose') return fromCompose(runFile.model, spec.run.service);
  if (runFile.from === 'kubernetes' && spec.run.from === 'kubernetes') return fromKubernetes(runFile.model, spec.run.container);
  throw new Error(`the run file was parsed as ${runFile.from} but the challenge runs from ${spec.run.from}`);
}

/** Turns the builder's step headers (classic `Step 2/5 : ...`, BuildKit `[stage 2/5] ...`) into build-step events. */
function buildStepReporter(model: DockerfileModel, onEvent: CheckEventListener | undefined): ((line: string) => void) | undefined {
  if (!onEvent) return undefined;
  const lines = classicStepLines(model);
  return (line) => {
    const classic = /^Step (\d+)\/(\d+) : (.*)$/.exec(line);
    if (classic) {
      const step = Number(classic[1]);
      onEvent({ type: 'build-step', step, total: Number(classic[2]), instruction: classic[3] ?? '', line: lines[step - 1] });
      return;
    }
    const buildKit = /^\[(?:\S+ )?(\d+)\/(\d+)\] (.*)$/.exec(line);
    if (buildKit) onEvent({ type: 'build-step', step: Number(buildKit[1]), total: Number(buildKit[2]), instruction: buildKit[3] ?? '', line: buildKitStepLine(model, line) });
  };
}

function abortReason(session: RuntimeSession): string {
  const reason = session.signal.reason as unknown;
  return reason instanceof Error ? reason.message : CANCELLED;
}

function describeGate(dockerfile: string, refusals: readonly GateRefusal[]): string {
  const lines = refusals.map((refusal) => `${dockerfile}:${refusal.line}: ${refusal.reason}`);
  return `refused before building (nothing was built or fetched):\n${lines.join('\n')}`;
}

/**
 * Secret files owned by the user the container runs as, so a 0400 file is readable by its
 * process. A user given by name cannot be resolved without the image's /etc/passwd: then the
 * files belong to root and are made readable by everyone, and the learner is told.
 */
function deliveredSecrets(files: SecretFile[], user: string, onEvent: CheckEventListener | undefined): DeliveredFile[] {
  if (files.length === 0) return [];
  const owner = numericOwner(user);
  if (!owner) onEvent?.({ type: 'note', message: `secrets: the user "${user}" is a name, so secret files belong to root and are readable by every user` });
  return files.map((file) => ({ path: file.target, content: file.content, mode: owner ? file.mode : file.mode | 0o444, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0 }));
}

function isEngineRejection(error: unknown): error is { statusCode: number; message: string; json?: { message?: string } } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

function engineMessage(error: { message: string; json?: { message?: string } }): string {
  // docker-modem prefixes the engine's words with the status: `(HTTP code 400) unexpected - `.
  return (error.json?.message ?? error.message).replace(/^\(HTTP code \d+\) [\w ]+ - /, '').trim();
}

function describeSettings(settings: Refusal[]): string {
  return settings.map((s) => `${s.setting} (${s.reason})`).join('; ');
}

/** Says how the container ended when it is no longer running (its exit code and last output). */
async function exitedRightAway(container: Docker.Container, known?: Docker.ContainerInspectInfo): Promise<string | undefined> {
  const info = known ?? (await container.inspect().catch(() => undefined));
  if (!info || info.State.Running) return undefined;
  const logs = await container.logs({ stdout: true, stderr: true, tail: 20 }).then(demuxedText, () => '');
  return `the container exited right away (exit ${info.State.ExitCode}) and could not be probed: ${logs.trim() || 'no output'}`;
}

function failAll(probes: { probe: AnyProbe }[], evidence: string): CheckResult[] {
  return probes.map(({ probe }) => failedResult(probe, evidence));
}

/** The failed result of one probe that did not get to say anything itself. */
function failedResult(probe: AnyProbe, evidence: string): CheckResult {
  return { kind: 'runtime', id: probe.id, title: probe.title, item: probe.item, passed: false, evidence, fix: probe.fix, findings: [] };
}

/**
 * Logs of a container without a TTY come as frames: an 8-byte header (stream, 0, 0, 0, size)
 * before each chunk. Strip the headers so the learner reads text, not control bytes.
 */
export function demuxedText(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && (buffer[offset] === 1 || buffer[offset] === 2) && buffer.readUIntBE(offset + 1, 3) === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  // Anything that is not framed (a TTY container) is kept as it is.
  parts.push(buffer.subarray(offset));
  return Buffer.concat(parts).toString('utf8');
}
