/**
 * Everything the TUI does outside itself, behind one interface: checking, progress, the
 * workspace, the file watcher, the editor, the clock. The CLI passes the real ones
 * (`realPorts`); component tests pass fakes, so no screen test needs Docker or a home folder.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../content/loadCourse.js';
import type { Challenge } from '../content/schema.js';
import type { Progress } from '../progress/progress.js';
import { progressFile, readProgress, updateProgress, type ProgressRead } from '../progress/store.js';
import { diffAgainstSolution } from '../solution/readSolution.js';
import type { FileDiff } from '../solution/solutionDiff.js';
import { engineCheckRunner, type CheckRunner } from '../watch/checkRunner.js';
import { watchFiles } from '../watch/watchFiles.js';
import { ensureWorkspace, resetWorkspace, workspaceDir } from '../workspace/workspace.js';

export interface WorkspacePort {
  /** The workspace folder, created from broken/ the first time. */
  ensure(challenge: Challenge): string;
  readFile(challenge: Challenge, file: string): string | undefined;
  reset(challenge: Challenge): void;
  diff(challenge: Challenge): FileDiff[];
}

export interface EditorResult {
  opened: boolean;
  message: string;
}

export interface CoursePorts {
  runCheck: CheckRunner;
  progress: { read(): ProgressRead; update(change: (progress: Progress) => Progress): ProgressRead };
  workspace: WorkspacePort;
  watchFiles: (dir: string, files: readonly string[], onChange: () => void) => () => void;
  /** Opens a file in the learner's editor and returns when it closes. */
  openEditor(file: string): EditorResult;
  now(): string;
  /** Runs before the TUI exits: whatever running checks created is removed here. */
  cleanup(reason: string): Promise<void>;
}

export function realPorts(course: Course, dataDir?: string): CoursePorts {
  const file = progressFile(dataDir);
  return {
    runCheck: engineCheckRunner,
    progress: { read: () => readProgress(file), update: (change) => updateProgress(change, file) },
    workspace: {
      ensure: (challenge) => ensureWorkspace(course, challenge, dataDir),
      readFile: (challenge, name) => {
        const full = path.join(workspaceDir(challenge, dataDir), name);
        return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
      },
      reset: (challenge) => void resetWorkspace(course, challenge, dataDir),
      diff: (challenge) => diffAgainstSolution(course.root, challenge, workspaceDir(challenge, dataDir)),
    },
    watchFiles: (dir, files, onChange) => watchFiles(dir, files, onChange),
    openEditor: openInEditor,
    now: () => new Date().toISOString(),
    cleanup: async (reason) => {
      const { cleanupAllSessions } = await import('../runtime/session.js');
      await cleanupAllSessions(reason);
    },
  };
}

/** $VISUAL, then $EDITOR; the terminal is handed over until the editor exits. */
export function openInEditor(file: string, env: NodeJS.ProcessEnv = process.env): EditorResult {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) return { opened: false, message: `Set $VISUAL or $EDITOR to edit from here; the file is ${file}` };
  // The editor command may carry arguments ("code --wait"); the shell splits it as the learner wrote it.
  // The TUI holds the terminal in raw mode; the editor needs it cooked, and the screen is
  // cleared afterwards so the TUI draws on a clean one.
  const raw = process.stdin.isTTY === true && process.stdin.isRaw;
  if (raw) process.stdin.setRawMode(false);
  const result = spawnSync(`${editor} "$SHIPSHAPE_EDIT_FILE"`, { shell: true, stdio: 'inherit', env: { ...env, SHIPSHAPE_EDIT_FILE: file } });
  if (raw) process.stdin.setRawMode(true);
  if (process.stdout.isTTY === true) process.stdout.write('\u001b[2J\u001b[H');
  if (result.error) return { opened: false, message: `${editor} did not start (${result.error.message}); the file is ${file}` };
  return { opened: true, message: `Back from ${editor}.` };
}
