/**
 * A look at a submission folder before it is checked: a class's submissions come from many
 * hands, and a folder of 100,000 files, a 2 GB file, a symlink to the grader's /etc or a FIFO
 * that blocks every reader should cost the grader one directory walk, not a build. Refused
 * submissions score as failed checks with the reason. The walk reads names and sizes only,
 * never contents, and stops at the first problem or the entry cap.
 */
import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { buildCaps } from '../runtime/limits.js';

export const submissionCaps = {
  /** An exercise folder holds a handful of files; a few thousand is already a mistake. */
  entries: 5_000,
  bytes: buildCaps.contextBytes,
} as const;

/** Why the folder is refused, or undefined when it may be checked. */
export function submissionRefusal(dir: string, caps: { entries: number; bytes: number } = submissionCaps): string | undefined {
  let entries = 0;
  let bytes = 0;
  const pending = [''];
  while (pending.length > 0) {
    const relative = pending.pop() as string;
    const names = readdirSync(path.join(dir, relative)).sort();
    for (const name of names) {
      const inner = relative === '' ? name : `${relative}/${name}`;
      if (++entries > caps.entries) return `refused: the submission has more than ${caps.entries} files and folders; an exercise needs a handful`;
      const full = path.join(dir, inner);
      const stat = lstatSync(full);
      if (stat.isSymbolicLink()) {
        const target = readlinkSync(full);
        const resolved = path.resolve(path.dirname(full), target);
        if (path.isAbsolute(target) || !(resolved === dir || resolved.startsWith(dir + path.sep))) {
          return `refused: ${inner} is a symlink out of the submission folder (to ${target}); only the submission's own files are checked`;
        }
        continue;
      }
      if (stat.isDirectory()) {
        pending.push(inner);
        continue;
      }
      if (!stat.isFile()) return `refused: ${inner} is not a regular file (a FIFO, socket or device); submissions hold files and folders only`;
      bytes += stat.size;
      if (bytes > caps.bytes) return `refused: the submission's files add up to more than ${caps.bytes / (1024 * 1024)} MiB (${inner} is ${(stat.size / (1024 * 1024)).toFixed(0)} MiB)`;
    }
  }
  return undefined;
}
