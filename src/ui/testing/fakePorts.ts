/**
 * Fakes of everything the TUI reaches outside itself, for component tests: progress in memory,
 * a workspace of strings, a check runner that a test scripts, a file watcher the test fires,
 * and an editor that records what it was asked to open.
 */
import type { ChallengeVerdict, CheckResult } from '../../checks/types.js';
import type { Challenge } from '../../content/schema.js';
import { emptyProgress, type Progress } from '../../progress/progress.js';
import { solutionDiff } from '../../solution/solutionDiff.js';
import type { RunnerOptions, RunnerVerdict } from '../../watch/checkRunner.js';
import type { CoursePorts } from '../ports.js';

export interface FakePorts extends CoursePorts {
  files: Map<string, string>;
  progressNow: () => Progress;
  checks: { challenge: string; options: RunnerOptions }[];
  /** Fire the watcher as if a file was saved. */
  save: (file: string, text: string) => void;
  edited: string[];
  cleaned: string[];
}

/** A check that fails while the file still contains `failWhile`, and passes once it does not. */
export function scriptedVerdict(challenge: Challenge, text: string | undefined, failWhile: RegExp): RunnerVerdict {
  const passed = text !== undefined && !failWhile.test(text);
  const result: CheckResult = {
    kind: 'static', id: 'dockerfile/pin-base-image', title: 'The base image is pinned', item: challenge.items[0], passed,
    evidence: passed ? 'no findings' : 'Dockerfile:3:1 FROM busybox has no tag',
    findings: passed ? [] : [{ rule: 'dockerfile/pin-base-image', severity: 'error', file: 'Dockerfile', line: 3, column: 1, message: '`FROM busybox` has no tag', title: 'Pin it', why: 'latest moves', fix: 'Name a release', item: challenge.items[0], references: [] }],
  };
  return { challenge: challenge.id, passed, checks: [result] } satisfies ChallengeVerdict;
}

export function fakePorts(options: { files?: Record<string, string>; solution?: Record<string, string>; verdict?: (challenge: Challenge, files: Map<string, string>, options: RunnerOptions) => Promise<RunnerVerdict> | RunnerVerdict; editor?: boolean; progress?: Progress } = {}): FakePorts {
  const files = new Map(Object.entries(options.files ?? {}));
  let progress = options.progress ?? emptyProgress();
  let watcher: (() => void) | undefined;
  const checks: FakePorts['checks'] = [];
  const edited: string[] = [];
  const cleaned: string[] = [];
  let clock = 0;
  return {
    files,
    checks,
    edited,
    cleaned,
    progressNow: () => progress,
    runCheck: async (challenge, runOptions) => {
      checks.push({ challenge: challenge.id, options: runOptions });
      const verdict = await (options.verdict ?? ((c, f) => scriptedVerdict(c, f.get('Dockerfile'), /FROM busybox\n/)))(challenge, files, runOptions);
      for (const result of verdict.checks) runOptions.onEvent?.({ type: 'static-result', result });
      runOptions.onEvent?.({ type: 'verdict', verdict });
      return verdict;
    },
    progress: {
      read: () => ({ progress }),
      update: (change) => {
        progress = change(progress);
        return { progress };
      },
    },
    workspace: {
      ensure: (challenge) => `/work/space/${challenge.id}`,
      readFile: (_challenge, name) => files.get(name),
      reset: () => {
        for (const [name, text] of Object.entries(options.files ?? {})) files.set(name, text);
      },
      diff: (challenge) => challenge.files.map((name) => solutionDiff(name, files.get(name), options.solution?.[name] ?? '')),
    },
    watchFiles: (_dir, _files, onChange) => {
      watcher = onChange;
      return () => (watcher = undefined);
    },
    save: (file, text) => {
      files.set(file, text);
      watcher?.();
    },
    openEditor: (file) => {
      edited.push(file);
      return options.editor ? { opened: true, message: 'Back from vi.' } : { opened: false, message: `Set $VISUAL or $EDITOR to edit from here; the file is ${file}` };
    },
    now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, clock++)).toISOString(),
    cleanup: async (reason) => {
      cleaned.push(reason);
    },
  };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 15));

/** Waits until the frame satisfies `ready` (Ink renders on the next tick after input). */
export async function until(frame: () => string | undefined, ready: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 150; i++) {
    const text = frame() ?? '';
    if (ready(text)) return text;
    await tick();
  }
  return frame() ?? '';
}

/** Key sequences as a terminal sends them. */
export const keys = { enter: '\r', escape: '\u001b', up: '\u001b[A', down: '\u001b[B', pageDown: '\u001b[6~', backspace: '\u007f', ctrlC: '\u0003' };

export { tick };
