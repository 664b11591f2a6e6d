/**
 * The runtime half as checks/ sees it: pick the learner's Dockerfile and run file out of the one
 * parsed model, and hand them to the runtime's front door (runtime/runChallenge.ts). Nothing here
 * reads or parses a file again, so the two halves judge the same text the same way.
 */
import path from 'node:path';
import type Docker from 'dockerode';
import type { Challenge, RuntimeCheckSpec } from '../content/schema.js';
import type { RunChallengeResult, RunFileModel } from '../runtime/runChallenge.js';
import { readLearnerModel } from '../workspace/learnerFiles.js';
import type { CheckEventListener } from './events.js';
import type { LearnerModel } from './learnerModel.js';
import type { CheckResult } from './types.js';

export interface RuntimeCheckOptions {
  /** An engine already connected; connected (and swept once per process) by the runtime otherwise. */
  docker?: Docker;
  /** The folder holding the learner's files; it is the build context. */
  dir: string;
  onEvent?: CheckEventListener;
  signal?: AbortSignal;
  /** The learner's files as the static half parsed them; read from `dir` when absent. */
  learner?: LearnerModel;
}

/** The files the runtime half needs besides the challenge's own: its Dockerfile and run file. */
export function runtimeFiles(spec: RuntimeCheckSpec | undefined): string[] {
  if (!spec) return [];
  return [spec.dockerfile, ...(spec.run.from === 'dockerfile' ? [] : [spec.run.file])];
}

/** Builds and probes; the verdicts of the challenge's probes, and whether the caller cancelled. */
export async function runRuntimeHalf(challenge: Challenge, options: RuntimeCheckOptions): Promise<RunChallengeResult> {
  const spec = challenge.checks.runtime;
  if (!spec) return { results: [], cancelled: false };
  const learner = options.learner ?? readLearnerModel(options.dir, runtimeFiles(spec));
  const { notRun, runChallenge } = await import('../runtime/runChallenge.js');
  const dockerfile = learner.parse(spec.dockerfile, 'dockerfile');
  const run = spec.run;
  let runFile: RunFileModel = { from: 'dockerfile' };
  if (run.from === 'compose') {
    const parsed = learner.parse(run.file, 'compose');
    runFile = { from: 'compose', model: parsed.state === 'parsed' ? parsed.model : undefined };
  } else if (run.from === 'kubernetes') {
    const parsed = learner.parse(run.file, 'kubernetes');
    runFile = { from: 'kubernetes', model: parsed.state === 'parsed' ? parsed.model : undefined };
  }
  // A file that does not parse is reported by the caller as the verdict's parse error; nothing is built.
  const broken = learner.firstParseError();
  if (broken) return { results: notRun(spec, `not run: ${broken.file}:${broken.position.line}:${broken.position.column} does not parse: ${broken.message}`), cancelled: false };
  return runChallenge({
    challengeId: challenge.id,
    spec,
    dir: path.resolve(options.dir),
    dockerfile: dockerfile.state === 'parsed' ? dockerfile.model : undefined,
    dockerfileText: learner.text(spec.dockerfile),
    runFile,
    allowedImages: spec.images === undefined ? undefined : new Set(spec.images),
    allowedFrontends: new Set(spec.frontends ?? []),
    docker: options.docker,
    onEvent: options.onEvent,
    signal: options.signal,
  });
}

/** The runtime half alone, for tests and tools that have no static half to share a model with. */
export async function runRuntimeChecks(challenge: Challenge, options: RuntimeCheckOptions): Promise<CheckResult[]> {
  return (await runRuntimeHalf(challenge, options)).results;
}
