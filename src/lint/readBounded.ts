/**
 * Reading a file a user pointed `shipshape lint` at, so that no file can hurt the run: only
 * regular files are read, their size is known before a byte is read, and the read stops at a
 * cap. A FIFO named Dockerfile, a symlink to /dev/zero, a 3 GB file or a file we may not read
 * become a verdict the caller reports, never a hang, unbounded memory or a crash.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

export type ReadVerdict =
  | { kind: 'text'; text: string; bytes: number }
  /** Larger than the cap: nothing but `head` (at most `headBytes`) was read. */
  | { kind: 'too-large'; bytes: number; head: string }
  /** A FIFO, socket or device: never opened (a FIFO's open would block until a writer comes). */
  | { kind: 'not-regular'; what: string }
  | { kind: 'unreadable'; reason: string };

/** What a path is, in words, for a note about a file that is not a regular one. */
export function describeFileType(stats: Stats): string {
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isDirectory()) return 'a folder';
  return 'not a regular file';
}

/**
 * Reads at most `capBytes` of a regular file. The path is stat'ed first (devices are never
 * opened: opening some has side effects), then opened non-blocking and checked again on the
 * descriptor, so a file swapped for a FIFO in between still cannot block the run. A caller that
 * has just listed the path as a regular file (not a link) in its folder says so with
 * `listedRegular`, and the first stat is left out: the listing was that check, and the
 * descriptor's is still made.
 *
 * @example readBounded('Dockerfile', 1024 * 1024) // { kind: 'text', text: 'FROM ...', bytes: 1234 }
 */
export function readBounded(file: string, capBytes: number, { headBytes = 64 * 1024, listedRegular = false }: { headBytes?: number; listedRegular?: boolean } = {}): ReadVerdict {
  if (!listedRegular) {
    let stats: Stats | undefined;
    try {
      // A missing file needs no exception: building one, stack and all, costs more than the stat.
      stats = statSync(file, { throwIfNoEntry: false });
    } catch (error) {
      return { kind: 'unreadable', reason: reasonOf(error, file) };
    }
    if (stats === undefined) return { kind: 'unreadable', reason: reasonOf({ code: 'ENOENT' }, file) };
    if (!stats.isFile()) return { kind: 'not-regular', what: describeFileType(stats) };
  }
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return { kind: 'unreadable', reason: reasonOf(error, file) };
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { kind: 'not-regular', what: describeFileType(opened) };
    if (opened.size > capBytes) return { kind: 'too-large', bytes: opened.size, head: readUpTo(fd, Math.min(headBytes, capBytes), headBytes).toString('utf8') };
    // The file may grow between fstat and read; reading one byte past the cap tells us it did.
    const buffer = readUpTo(fd, capBytes + 1, opened.size + 1);
    if (buffer.length > capBytes) return { kind: 'too-large', bytes: buffer.length, head: buffer.subarray(0, headBytes).toString('utf8') };
    return { kind: 'text', text: buffer.toString('utf8'), bytes: buffer.length };
  } catch (error) {
    return { kind: 'unreadable', reason: reasonOf(error, file) };
  } finally {
    closeSync(fd);
  }
}

/** Reads up to `limit` bytes into one buffer sized for the expected length (no copies when it is right). */
function readUpTo(fd: number, limit: number, expected: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.max(1, Math.min(limit, expected)));
  let total = 0;
  while (total < limit) {
    if (total === buffer.length) {
      const grown = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(grown, 0, 0, total);
      buffer = grown;
    }
    const wanted = Math.min(buffer.length, limit) - total;
    const read = readSync(fd, buffer, total, wanted, null);
    total += read;
    // A regular file's read comes back short only at its end: no second read to learn that.
    if (read < wanted) break;
  }
  return buffer.subarray(0, total);
}

/** `permission denied`, `no such file`: the words a user expects, without a stack. */
export function reasonOf(error: unknown, file?: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  // Node lists names as UTF-8, and a name that is not valid UTF-8 comes back with U+FFFD in it:
  // no file of that name exists, so it is "missing" though it never went anywhere.
  if (code === 'ENOENT' && file?.includes('\uFFFD')) return 'its name is not valid UTF-8, and shipshape opens files by UTF-8 names only; rename it to check it';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'it disappeared while shipshape ran (or is a broken symlink)';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EISDIR':
      return 'it is a folder';
    case 'EAGAIN':
      return 'it is not ready to be read (a pipe or device)';
    default:
      return code ? `${code.toLowerCase()}` : (error as Error).message ?? String(error);
  }
}
