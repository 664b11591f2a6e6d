/**
 * The parent's side of the reaper (reaper.ts): one detached helper process per shipshape
 * process, told about every session and what it creates. When this process ends in any way,
 * SIGKILL included, the helper sees its channel close and removes what is still listed; it also
 * removes a session's objects at the session's deadline, so no container outlives a check.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type ReaperMessage =
  | { type: 'watch'; session: string; expiresAt: number }
  | { type: 'container' | 'image' | 'layer' | 'forget-layer'; session: string; id: string }
  | { type: 'done'; session: string };

let reaper: ChildProcess | null | undefined;

export function tellReaper(message: ReaperMessage): void {
  const child = startReaper();
  if (!child?.connected) return;
  try {
    child.send(message, () => undefined);
  } catch {
    // The helper is gone; the next start's sweep is the fallback.
  }
}

function startReaper(): ChildProcess | undefined {
  if (reaper !== undefined) return reaper ?? undefined;
  reaper = null;
  const script = reaperScript();
  if (!script || process.env.SHIPSHAPE_NO_REAPER === '1') return undefined;
  try {
    const child = fork(script, [], { detached: true, stdio: ['ignore', 'ignore', 'ignore', 'ipc'], execArgv: [], env: process.env });
    child.on('error', () => undefined);
    // It mostly waits; it must not take CPU from the check it guards.
    try {
      if (child.pid) os.setPriority(child.pid, 19);
    } catch {
      // Not allowed here: it runs at our priority.
    }
    // Neither the helper nor its channel keeps this process alive.
    child.unref();
    child.channel?.unref();
    reaper = child;
    return child;
  } catch {
    return undefined;
  }
}

/** The built reaper: beside this module (bundle or tsc output), else the package's bundle. */
function reaperScript(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidates = [path.join(here, 'reaper.js'), path.join(here, '..', 'bundle', 'reaper.js'), path.join(here, '..', '..', 'dist', 'bundle', 'reaper.js')];
  return candidates.find((candidate) => existsSync(candidate));
}
