/**
 * Reading one file of a learner's folder without trusting it: only a regular file whose real
 * path lies inside the folder, opened without following a final symlink and without blocking
 * (a FIFO would otherwise hang the check), its size checked on the open descriptor before a
 * byte is read, and the read itself bounded (a file may grow while we read it). A refusal says
 * why in one sentence and never echoes what the file, or what it points at, contains.
 */
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import path from 'node:path';

export type SafeRead =
  | { state: 'read'; content: Buffer }
  | { state: 'missing' }
  | { state: 'refused'; reason: string };

/**
 * @param root the folder's real path (realpathSync of it)
 * @param relative a path inside it, as the challenge names it (`Dockerfile`, `secrets/db.txt`)
 * @example readInsideFolder(realpathSync(dir), 'Dockerfile', 1024 * 1024).state // 'read' | 'missing' | 'refused'
 */
export function readInsideFolder(root: string, relative: string, maxBytes: number): SafeRead {
  const full = path.resolve(root, relative);
  if (!isInside(root, full)) return { state: 'refused', reason: `${relative} is outside the challenge folder; only files inside it are read` };
  let real: string;
  try {
    real = realpathSync(full);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { state: 'missing' };
    return { state: 'refused', reason: `${relative} cannot be read (${describeCode(code)})` };
  }
  if (!isInside(root, real)) {
    return { state: 'refused', reason: `${relative} is a symbolic link to something outside the challenge folder; only files inside it are read` };
  }
  let fd: number;
  try {
    // O_NOFOLLOW: the path was resolved above; a link swapped in since then is refused, not followed.
    fd = openSync(real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { state: 'refused', reason: `${relative} cannot be read (${describeCode((error as NodeJS.ErrnoException).code)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { state: 'refused', reason: `${relative} is ${describeType(stat)}, not a regular file` };
    if (stat.size > maxBytes) return { state: 'refused', reason: `${relative} is larger than ${maxBytes} bytes; that is not a file a learner writes` };
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let total = 0;
    for (;;) {
      const read = readSync(fd, buffer, total, buffer.length - total, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) return { state: 'refused', reason: `${relative} grew past ${maxBytes} bytes while it was read` };
      if (total === buffer.length) break;
    }
    return { state: 'read', content: buffer.subarray(0, total) };
  } catch (error) {
    return { state: 'refused', reason: `${relative} cannot be read (${describeCode((error as NodeJS.ErrnoException).code)})` };
  } finally {
    closeSync(fd);
  }
}

/** True when `candidate` is `root` itself or lies below it (both absolute). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** `a FIFO`, `a folder`, ... for messages. */
export function describeType(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSymbolicLink()) return 'a symbolic link';
  return 'not a regular file';
}

function describeCode(code: string | undefined): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      return code ?? 'unknown error';
  }
}
