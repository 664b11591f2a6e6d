/**
 * Grading many submissions: each is checked with `checkChallenge`, static and at runtime, on one
 * of the engines, `jobs` at a time per engine. Each submission is isolated: its own time limit,
 * and whatever goes wrong with it (a file that does not parse, a refused setting, a build that
 * fails, a timeout, an engine error) becomes failed checks with the reason, never an exception
 * that stops the others. Which engine grades which submission depends only on its position in
 * the sorted list, so two runs spread the same way and write the same report.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkChallenge } from '../checks/checkChallenge.js';
import type { Challenge } from '../content/schema.js';
import { InputError } from '../parse/position.js';
import { timeouts } from '../runtime/limits.js';
import { untilAborted } from '../shared/untilAborted.js';
import type { GradingEngine } from './engines.js';
import type { GradedChallenge } from './report.js';
import { failedChecks, scoreChecks, totals } from './scoring.js';
import { submissionRefusal } from './submissionGate.js';

export interface GradeTask {
  student: string;
  /** The challenge as this student got it: the course's own, or their variant. */
  challenge: Challenge;
  /** The submission folder; undefined when the student submitted nothing for this challenge. */
  dir: string | undefined;
  seed: string | null;
}

export interface GradeOptions {
  engines: readonly GradingEngine[];
  /** Submissions checked at once on each engine. */
  jobsPerEngine: number;
  /** Folder the submission paths in messages are relative to, so reports do not depend on where they were graded. */
  root: string;
  /** One submission's time limit, build to cleanup. */
  timeoutMs?: number;
  /** Called once per submission as it finishes (a progress line; never in the report). */
  onDone?: (task: GradeTask, result: GradedChallenge) => void;
}

/** A little above the runtime check's own deadline, which cleans up after itself. */
export const DEFAULT_SUBMISSION_TIMEOUT_MS = timeouts.checkMs + 30_000;

export async function gradeSubmissions(tasks: readonly GradeTask[], options: GradeOptions): Promise<GradedChallenge[]> {
  const results: GradedChallenge[] = new Array(tasks.length);
  const lanes = options.engines.map(() => [] as number[]);
  tasks.forEach((_, index) => lanes[index % lanes.length]?.push(index));
  await Promise.all(
    lanes.map(async (lane, engineIndex) => {
      const engine = options.engines[engineIndex] as GradingEngine;
      let next = 0;
      const worker = async () => {
        while (next < lane.length) {
          const index = lane[next++] as number;
          const task = tasks[index] as GradeTask;
          const result = await gradeOne(task, engine, options);
          results[index] = result;
          options.onDone?.(task, result);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, options.jobsPerEngine) }, worker));
    }),
  );
  return results;
}

async function gradeOne(task: GradeTask, engine: GradingEngine, options: GradeOptions): Promise<GradedChallenge> {
  const started = performance.now();
  const { challenge } = task;
  const usesEngine = challenge.checks.runtime !== undefined && task.dir !== undefined;
  let checks;
  let refusal: string | undefined;
  if (task.dir === undefined) {
    checks = failedChecks(challenge, `not submitted: no folder ${task.student}/${challenge.id}`);
  } else if ((refusal = submissionRefusal(task.dir)) !== undefined) {
    checks = failedChecks(challenge, refusal);
  } else {
    const limitMs = options.timeoutMs ?? DEFAULT_SUBMISSION_TIMEOUT_MS;
    const overTime = `the check took longer than the submission's limit of ${Math.round(limitMs / 1000)} s`;
    // The signal stops the build or probe in flight and cleans up; the race is the backstop
    // should an engine stop answering even that.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(overTime)), limitMs);
    try {
      const verdict = await withTimeout(checkChallenge(challenge, { dir: task.dir, staticOnly: false, docker: engine.docker, signal: controller.signal }), limitMs + 30_000, overTime);
      // Cancelled by our deadline: what had not passed by then failed for that reason.
      const results = verdict.cancelled ? verdict.checks.map((check) => (check.passed ? check : { ...check, evidence: overTime })) : verdict.checks;
      checks = scoreChecks(challenge, results, verdict.cancelled ? overTime : 'the check gave no result for this');
    } catch (error) {
      checks = await staticThenFailed(task.dir, challenge, reasonOf(error, options.root));
    } finally {
      clearTimeout(timer);
    }
  }
  return {
    id: challenge.id,
    ...totals(checks),
    engine: usesEngine && refusal === undefined ? engine.name : null,
    seed: task.seed,
    durationMs: Math.round(performance.now() - started),
    checks,
  };
}

/**
 * When the runtime half could not finish, the static checks still count: they are pure and
 * cannot hang. Only when they fail too (a file that does not parse) does every check carry the reason.
 */
async function staticThenFailed(dir: string, challenge: Challenge, reason: string) {
  try {
    const { checks } = await checkChallenge(challenge, { dir, staticOnly: true });
    return scoreChecks(challenge, checks, reason);
  } catch {
    return failedChecks(challenge, reason);
  }
}

class SubmissionTimeout extends Error {}

async function withTimeout<T>(work: Promise<T>, ms: number, message: string): Promise<T> {
  // A check past its limit still finishes its own cleanup: untilAborted stops waiting for it
  // and keeps its later rejection from surfacing as an unhandled one.
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new SubmissionTimeout(message)), ms);
  try {
    return await untilAborted(work, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** The reason a submission could not be checked, in words a grader and a student can act on. */
function reasonOf(error: unknown, root: string): string {
  if (error instanceof InputError) {
    const file = path.isAbsolute(error.file) ? path.relative(root, error.file).split(path.sep).join('/') : error.file;
    return `${file}:${error.position.line}:${error.position.column}: ${error.message}`;
  }
  if (error instanceof SubmissionTimeout) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `the submission could not be checked: ${message}`;
}
