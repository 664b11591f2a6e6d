/**
 * Tells when a challenge's files change on disk. fs.watch on each folder holding them (not on
 * the files: editors that save by writing a new file and renaming it replace the watched inode),
 * with a few milliseconds to let an editor's burst of events settle, and a check of the
 * contents so that touching a file without changing it does not start a check.
 * No dependency: Node's own watcher is inotify here, and every event counts toward the
 * "verdict within 100 ms of saving" budget.
 */
import { watch, type FSWatcher } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface FileWatchOptions {
  /** Quiet time after an event before reacting (editors write in bursts). */
  settleMs?: number;
}

export function watchFiles(dir: string, files: readonly string[], onChange: () => void, options: FileWatchOptions = {}): () => void {
  const settleMs = options.settleMs ?? 15;
  const folders = new Map<string, Set<string>>();
  for (const file of files) {
    const folder = path.join(dir, path.dirname(file));
    folders.set(folder, (folders.get(folder) ?? new Set()).add(path.basename(file)));
  }
  let last = snapshot(dir, files);
  let timer: NodeJS.Timeout | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const now = snapshot(dir, files);
      if (now === last) return;
      last = now;
      onChange();
    }, settleMs);
  };
  const watchers: FSWatcher[] = [];
  for (const [folder, names] of folders) {
    try {
      const watcher = watch(folder, (_event, name) => {
        if (name === null || names.has(String(name))) settle();
      });
      watcher.on('error', () => undefined);
      watchers.push(watcher);
    } catch {
      // A folder that does not exist yet holds no file to watch; the check says the file is missing.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}

function snapshot(dir: string, files: readonly string[]): string {
  return files
    .map((file) => {
      try {
        return readFileSync(path.join(dir, file), 'utf8');
      } catch {
        return '\u0000missing';
      }
    })
    .join('\u0000\u0001');
}
