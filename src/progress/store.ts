/**
 * progress.json on disk. Every change is read-modify-write under a lock file, so the TUI and a
 * `shipshape check` in another terminal never undo each other's updates; the write goes to a
 * temporary file that is fsynced and renamed over the old one (then the folder is fsynced), so
 * a crash or SIGKILL at any instant leaves either the old file or the new one, never half of
 * one. A file that cannot be read is moved aside (progress.json.corrupt-<time>) and reported,
 * never silently replaced; one written by a newer shipshape is left alone and not written.
 */
import { closeSync, constants, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '../workspace/paths.js';
import { migrateProgress } from './migrate.js';
import { emptyProgress, type Progress } from './progress.js';

export class ProgressFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressFileError';
  }
}

export interface ProgressRead {
  progress: Progress;
  /** Said once, when the file was unreadable and was moved aside. */
  problem?: string;
}

export const progressFile = (dataDir: string = dataDirectory()) => path.join(dataDir, 'progress.json');

/** Reads progress; a missing file is a fresh start, an unreadable one is moved aside and reported. */
export function readProgress(file: string = progressFile()): ProgressRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
    throw new ProgressFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let reason: string;
  let data: unknown;
  try {
    data = JSON.parse(text);
    const result = migrateProgress(data);
    if (result.ok) return { progress: result.progress };
    if (result.newer !== undefined) throw new ProgressFileError(`${file} was ${result.reason}; update shipshape to record progress (the file is left as it is)`);
    reason = result.reason;
  } catch (error) {
    if (error instanceof ProgressFileError) throw error;
    reason = `not valid JSON (${(error as Error).message})`;
  }
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  try {
    renameSync(file, aside);
  } catch (error) {
    // Another process moved it aside first; it reports it. Start from what is there now.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return readProgress(file);
    throw new ProgressFileError(`${file} is unreadable (${reason}) and could not be moved aside: ${(error as Error).message}`);
  }
  return { progress: emptyProgress(), problem: `Your progress file could not be read (${reason}); it was moved to ${aside} and progress starts afresh.` };
}

/**
 * Applies `change` to the progress on disk and writes the result, under the lock: concurrent
 * writers each see the other's last write. Returns the progress written (and any problem met
 * reading the old file).
 *
 * @example updateProgress((p) => recordHintShown(p, 'pin-base-image', 1))
 */
export function updateProgress(change: (progress: Progress) => Progress, file: string = progressFile()): ProgressRead {
  mkdirSync(path.dirname(file), { recursive: true });
  const release = acquireLock(`${file}.lock`);
  try {
    removeLeftovers(file);
    const read = readProgress(file);
    const next = change(read.progress);
    writeAtomically(file, `${JSON.stringify(next, null, 2)}\n`);
    return { progress: next, ...(read.problem ? { problem: read.problem } : {}) };
  } finally {
    release();
  }
}

/**
 * What a writer killed mid-write leaves: its temporary file (only the lock holder writes one,
 * so under the lock every one is a leftover) and its lock candidate (if its pid is gone).
 */
function removeLeftovers(file: string): void {
  const base = path.basename(file);
  let names: string[];
  try {
    names = readdirSync(path.dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const candidate = new RegExp(`^${base.replace(/\./g, '\\.')}\\.lock\\.(\\d+)$`).exec(name);
    const leftover = (name.startsWith(`${base}.`) && name.endsWith('.tmp')) || (candidate !== null && !isAlive(Number(candidate[1])));
    if (leftover) rmSync(path.join(path.dirname(file), name), { force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Temp file in the same folder, fsync, rename over the target, fsync the folder. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`;
  const fd = openSync(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
  try {
    const dirFd = openSync(path.dirname(file), 'r');
    try {
      fsyncSync(dirFd);
    } finally {
      closeSync(dirFd);
    }
  } catch {
    // Some file systems refuse fsync on a folder; the rename is still atomic there.
  }
}

const LOCK_WAIT_MS = 5_000;
/** A lock older than this whose owner cannot be asked is taken over: no write takes this long. */
const LOCK_STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

/** An exclusive-create lock file holding the owner's pid; a dead owner's lock is taken over. */
function acquireLock(lock: string): () => void {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    // The lock appears with its owner's pid already in it (written aside, then hard-linked,
    // which fails if the lock exists): a lock is never seen empty, even after a SIGKILL.
    const candidate = `${lock}.${process.pid}`;
    writeFileSync(candidate, String(process.pid));
    try {
      linkSync(candidate, lock);
      return () => rmSync(lock, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new ProgressFileError(`cannot lock ${lock}: ${(error as Error).message}`);
    } finally {
      rmSync(candidate, { force: true });
    }
    if (lockIsStale(lock)) {
      // Only one process wins the rename of the stale lock; the others simply try again.
      try {
        renameSync(lock, `${lock}.stale-${process.pid}`);
        rmSync(`${lock}.stale-${process.pid}`, { force: true });
      } catch {
        // Someone else took it over first.
      }
      continue;
    }
    if (Date.now() > deadline) throw new ProgressFileError(`${lock} is held by another shipshape for more than ${LOCK_WAIT_MS / 1000} s; remove it if no shipshape is running`);
    Atomics.wait(pause, 0, 0, 5);
  }
}

function lockIsStale(lock: string): boolean {
  let owner: number;
  let age: number;
  try {
    owner = Number(readFileSync(lock, 'utf8'));
    age = Date.now() - statSync(lock).mtimeMs;
  } catch {
    return false; // Gone already: the next attempt takes it.
  }
  if (!Number.isInteger(owner) || owner <= 0) return true;
  if (owner === process.pid) return false;
  return !isAlive(owner) || age > LOCK_STALE_MS;
}
