/**
 * The runtime half of checking a challenge: build the learner's Dockerfile, start the container
 * the way it is configured, run each probe inside it, and clean up whatever happens.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type Docker from 'dockerode';
import type { Challenge } from '../content/schema.js';
import { parseDockerfile } from '../parse/dockerfile.js';
import { BuildFailedError, buildImage } from '../runtime/build.js';
import { execInContainer, startContainer } from '../runtime/container.js';
import { CHALLENGE_LABEL } from '../runtime/labels.js';
import { timeouts } from '../runtime/limits.js';
import { RefusedSettingsError } from '../runtime/policy.js';
import { findProbe } from '../runtime/probes/registry.js';
import type { AnyProbe } from '../runtime/probes/types.js';
import { RuntimeSession } from '../runtime/session.js';
import type { CheckResult } from './types.js';

export interface RuntimeCheckOptions {
  docker: Docker;
  /** The folder holding the learner's files; it is the build context. */
  dir: string;
  /** The Dockerfile's text, already read and parsed by the caller's static pass. */
  dockerfileText: string;
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
  const session = new RuntimeSession(options.docker);
  const deadline = setTimeout(() => session.abort(`the runtime check took longer than ${timeouts.checkMs / 1000} s`), timeouts.checkMs);
  try {
    const labels = session.labels({ [CHALLENGE_LABEL]: challenge.id });
    const tag = `shipshape-check/${challenge.id}:${process.pid}-${randomBytes(4).toString('hex')}`;
    options.onProgress?.(`building ${spec.dockerfile} (network none)`);
    await buildImage(session, {
      contextDir: path.resolve(options.dir),
      dockerfile: spec.dockerfile,
      tag,
      labels,
      // Only the step headers: the rest of the builder's chatter is noise to a learner.
      onProgress: (line) => {
        if (/^Step \d+\/\d+ :/.test(line)) options.onProgress?.(line);
      },
      stepLines: buildStepLines(options.dockerfileText, spec.dockerfile),
    });
    const image = await options.docker.getImage(tag).inspect();
    options.onProgress?.('starting the container (network none, memory, CPU and PID limits)');
    const container = await startContainer(session, { image: tag, labels });
    const containerInfo = await container.inspect();
    if (!containerInfo.State.Running) {
      const logs = await container.logs({ stdout: true, stderr: true, tail: 20 }).catch(() => Buffer.from(''));
      return failAll(probes, `the container exited right away (exit ${containerInfo.State.ExitCode}) and could not be probed: ${logs.toString('utf8').trim() || 'no output'}`);
    }
    const results: CheckResult[] = [];
    for (const { probe, params } of probes) {
      options.onProgress?.(`probing: ${probe.title}`);
      const verdict = await probe
        .run({ docker: options.docker, imageRef: tag, container, containerInfo, image, exec: (cmd) => execInContainer(session, container, cmd) }, params)
        .catch((error: unknown) => ({ passed: false, evidence: `the probe could not run: ${(error as Error).message}` }));
      results.push({ kind: 'runtime', id: probe.id, title: probe.title, item: probe.item, passed: verdict.passed, evidence: verdict.evidence, findings: [] });
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

function failAll(probes: { probe: AnyProbe }[], evidence: string): CheckResult[] {
  return probes.map(({ probe }) => ({ kind: 'runtime', id: probe.id, title: probe.title, item: probe.item, passed: false, evidence, findings: [] }));
}

/** The classic builder numbers every instruction, global ARGs included: Step N is the Nth. */
function buildStepLines(text: string, file: string): number[] | undefined {
  try {
    const model = parseDockerfile(text, file);
    return [...model.globalArgs, ...model.stages.flatMap((stage) => [stage.from, ...stage.instructions])].map((i) => i.line);
  } catch {
    return undefined;
  }
}
