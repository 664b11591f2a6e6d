/**
 * The runtime half of checking a challenge: build the learner's Dockerfile, start the container
 * the way it is configured (the image's own settings, or a compose service's, or a Kubernetes
 * container's), run each probe inside it, and clean up whatever happens. Settings that are
 * refused or malformed fail every probe before anything is built or created.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { RuntimeCheckSpec, Challenge } from '../content/schema.js';
import { parseCompose } from '../parse/compose.js';
import { parseKubernetes } from '../parse/kubernetes.js';
import { InputError } from '../parse/position.js';
import { BuildFailedError, buildImage } from '../runtime/build.js';
import { execInContainer, startContainer, type DeliveredFile } from '../runtime/container.js';
import { CHALLENGE_LABEL } from '../runtime/labels.js';
import { timeouts } from '../runtime/limits.js';
import { RefusedSettingsError, type Refusal } from '../runtime/policy.js';
import { findProbe } from '../runtime/probes/registry.js';
import type { AnyProbe } from '../runtime/probes/types.js';
import { RuntimeSession } from '../runtime/session.js';
import { containerUser, numericOwner, runAsNonRootViolation } from '../runtime/settings/containerUser.js';
import { fromCompose } from '../runtime/settings/fromCompose.js';
import { fromDockerfile } from '../runtime/settings/fromDockerfile.js';
import { fromKubernetes } from '../runtime/settings/fromKubernetes.js';
import { readSecretFiles, type SecretFile } from '../runtime/settings/readSecretFiles.js';
import { emptyRunSettings, type RunSettings } from '../runtime/settings/types.js';
import type { CheckResult } from './types.js';

export interface RuntimeCheckOptions {
  docker: Docker;
  /** The folder holding the learner's files; it is the build context. */
  dir: string;
  onProgress?: (line: string) => void;
}

export async function runRuntimeChecks(challenge: Challenge, options: RuntimeCheckOptions): Promise<CheckResult[]> {
  const spec = challenge.checks.runtime;
  if (!spec) return [];
  const probes = spec.probes.map(({ probe, with: params }) => {
    const found = findProbe(probe);
    if (!found) throw new Error(`unknown probe ${probe}; the course validator should have caught this`);
    return { probe: found, params: found.params.parse(params) as unknown };
  });
  const dir = path.resolve(options.dir);
  const settings = learnerRunSettings(spec, dir);
  // Secret files are read here, at the edge, and only from inside the challenge folder.
  const secrets = readSecretFiles(dir, settings.secretFiles);
  // Build secrets (`docker build --secret id=x,src=file`) come from the same folder, read the same way.
  const buildSecrets = readSecretFiles(dir, Object.entries(spec.buildSecrets ?? {}).map(([name, file]) => ({ name, file, target: `/run/secrets/${name}`, mode: 0o400 })));
  const refusals = [...settings.refusals, ...secrets.refusals, ...buildSecrets.refusals];
  if (refusals.length > 0) return failAll(probes, new RefusedSettingsError(refusals).message);
  const invalid = [...settings.invalid, ...secrets.invalid, ...buildSecrets.invalid];
  if (invalid.length > 0) return failAll(probes, `${settings.source}: the container cannot start with these settings: ${describeSettings(invalid)}`);
  const session = new RuntimeSession(options.docker);
  const deadline = setTimeout(() => session.abort(`the runtime check took longer than ${timeouts.checkMs / 1000} s`), timeouts.checkMs);
  try {
    const labels = session.labels({ [CHALLENGE_LABEL]: challenge.id });
    const tag = `shipshape-check/${challenge.id}:${process.pid}-${randomBytes(4).toString('hex')}`;
    if (settings.notes.length > 0 || (spec.run?.from ?? 'dockerfile') !== 'dockerfile') options.onProgress?.(`run settings from ${settings.source}`);
    for (const note of settings.notes) options.onProgress?.(`  note: ${note}`);
    options.onProgress?.(`building ${spec.dockerfile} (network none)`);
    await buildImage(session, {
      contextDir: path.resolve(options.dir),
      dockerfile: spec.dockerfile,
      tag,
      labels,
      ...(buildSecrets.files.length > 0 ? { secrets: Object.fromEntries(buildSecrets.files.map((file) => [file.name, file.content.toString('utf8')])) } : {}),
      // Only the step headers (classic `Step 2/5 : ...`, BuildKit `[stage 2/5] ...`): the rest
      // of the builder's chatter is noise to a learner. build.ts maps steps to lines itself.
      onProgress: (line) => {
        if (isBuildStepHeader(line)) options.onProgress?.(line);
      },
    });
    const image = await options.docker.getImage(tag).inspect();
    const imageUser = image.Config?.User ?? '';
    // The kubelet checks runAsNonRoot against the image before it creates the container; so do we.
    const nonRoot = runAsNonRootViolation(settings, imageUser);
    if (nonRoot) return failAll(probes, `${nonRoot} (${settings.source})`);
    const user = containerUser(settings, imageUser);
    options.onProgress?.('starting the container (network none, memory, CPU and PID limits)');
    const started = await startContainer(session, {
      image: tag,
      labels,
      host: settings.host,
      user,
      env: settings.env,
      entrypoint: settings.entrypoint,
      cmd: settings.cmd,
      workingDir: settings.workingDir,
      healthcheck: settings.healthcheck,
      files: deliveredSecrets(secrets.files, user ?? imageUser, options.onProgress),
    }).catch((error: unknown) => {
      // The engine rejecting the learner's settings (a user missing from /etc/passwd, a bad
      // tmpfs option) is a verdict on those settings, not a crash.
      if (isEngineRejection(error) && !session.signal.aborted) return `the engine would not start the container with ${settings.source}: ${engineMessage(error)}`;
      throw error;
    });
    if (typeof started === 'string') return failAll(probes, started);
    const container = started;
    const containerInfo = await container.inspect();
    if (!containerInfo.State.Running) {
      const logs = await container.logs({ stdout: true, stderr: true, tail: 20 }).then(demuxedText, () => '');
      return failAll(probes, `the container exited right away (exit ${containerInfo.State.ExitCode}) and could not be probed: ${logs.trim() || 'no output'}`);
    }
    const results: CheckResult[] = [];
    for (const { probe, params } of probes) {
      options.onProgress?.(`probing: ${probe.passTitle}`);
      const verdict = await probe
        .run({ docker: options.docker, imageRef: tag, container, containerInfo, image, requested: settings.host, // execTrusted runs the image's own tool until shipshape brings its toolbox (see ProbeContext).
        exec: (cmd) => execInContainer(session, container, cmd), execTrusted: (argv) => execInContainer(session, container, argv) }, params)
        .catch((error: unknown) => ({ passed: false, evidence: `the probe could not run: ${(error as Error).message}` }));
      results.push({ kind: 'runtime', id: probe.id, title: verdict.passed ? probe.passTitle : probe.title, item: probe.item, passed: verdict.passed, evidence: verdict.evidence, ...(verdict.passed ? {} : { fix: probe.fix }), findings: [] });
    }
    return results;
  } catch (error) {
    if (error instanceof BuildFailedError) {
      const where = error.line ? `${spec.dockerfile}:${error.line}: ` : '';
      return failAll(probes, `the image did not build: ${where}${error.message}`);
    }
    if (error instanceof RefusedSettingsError) return failAll(probes, error.message);
    if (session.signal.aborted) return failAll(probes, (session.signal.reason as Error).message);
    throw error;
  } finally {
    clearTimeout(deadline);
    await session.cleanup();
  }
}

/**
 * The run settings the challenge names, translated from the learner's file.
 * @throws InputError (with the file's full path) when the file is not valid YAML or not a compose file / manifest.
 */
function learnerRunSettings(spec: RuntimeCheckSpec, dir: string): RunSettings {
  const run = spec.run ?? { from: 'dockerfile' };
  if (run.from === 'dockerfile') return fromDockerfile(spec.dockerfile);
  const full = path.join(dir, run.file);
  if (!existsSync(full)) {
    const missing = emptyRunSettings(run.file);
    missing.invalid.push({ setting: run.file, reason: `${run.file} is missing` });
    return missing;
  }
  const text = readFileSync(full, 'utf8');
  try {
    return run.from === 'compose' ? fromCompose(parseCompose(text, run.file), run.service) : fromKubernetes(parseKubernetes(text, run.file), run.container);
  } catch (error) {
    if (error instanceof InputError) throw new InputError(full, error.position, error.message);
    throw error;
  }
}

/**
 * Secret files owned by the user the container runs as, so a 0400 file is readable by its
 * process. A user given by name cannot be resolved without the image's /etc/passwd: then the
 * files belong to root and are made readable by everyone, and the learner is told.
 */
function deliveredSecrets(files: SecretFile[], user: string, onProgress: ((line: string) => void) | undefined): DeliveredFile[] {
  if (files.length === 0) return [];
  const owner = numericOwner(user);
  if (!owner) onProgress?.(`  note: secrets: the user "${user}" is a name, so secret files belong to root and are readable by every user`);
  return files.map((file) => ({ path: file.target, content: file.content, mode: owner ? file.mode : file.mode | 0o444, uid: owner?.uid ?? 0, gid: owner?.gid ?? 0 }));
}

function isEngineRejection(error: unknown): error is { statusCode: number; message: string; json?: { message?: string } } {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600;
}

function engineMessage(error: { message: string; json?: { message?: string } }): string {
  return (error.json?.message ?? error.message).trim();
}

function describeSettings(settings: Refusal[]): string {
  return settings.map((s) => `${s.setting} (${s.reason})`).join('; ');
}

function failAll(probes: { probe: AnyProbe }[], evidence: string): CheckResult[] {
  return probes.map(({ probe }) => ({ kind: 'runtime', id: probe.id, title: probe.title, item: probe.item, passed: false, evidence, fix: probe.fix, findings: [] }));
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

function isBuildStepHeader(line: string): boolean {
  return /^Step \d+\/\d+ :/.test(line) || /^\[(?:\S+ )?\d+\/\d+\] /.test(line);
}
