/**
 * The build context as a tar stream, honouring .dockerignore the way the Docker CLI does (the
 * Dockerfile and .dockerignore themselves are always sent). Symlinks are sent as links, never
 * followed, so a hostile folder cannot smuggle host files into the context.
 *
 * The context is measured before anything is sent, as the tar the engine would receive (a
 * 512-byte header per entry, contents padded to 512 bytes, long names' extra headers), and
 * refused above a size cap or an entry cap with the limit in the message: 250,000 empty files
 * are a few bytes of content but a 128 MB tar and minutes of the engine's time. The walk stops
 * as soon as a cap is passed, and reads folders entry by entry, so refusing is fast. FIFOs,
 * sockets and devices are refused: a FIFO would hang the packing, a device would stream forever.
 */
import { lstatSync, opendirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import tar from 'tar-fs';
import { describeType, readInsideFolder } from '../workspace/safeRead.js';
import { buildCaps } from './limits.js';

/** An exercise's context is a handful of files; thousands are a forgotten node_modules. */
export const MAX_CONTEXT_ENTRIES = 10_000;
const MAX_DOCKERIGNORE_BYTES = 1024 * 1024;
const TAR_BLOCK = 512;

/** The context cannot be sent as it is; the message says why and what to do. */
export class BuildContextError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildContextError';
  }
}

export class BuildContextTooLargeError extends BuildContextError {
  constructor(readonly bytes: number, readonly limitBytes: number) {
    super(
      `the build context is over shipshape's limit of ${formatSize(limitBytes)} (as sent, tar headers included) after .dockerignore (counted ${formatSize(bytes)} before stopping); ` +
        'list large files and folders (node_modules, build output, disk images) in .dockerignore',
    );
    this.name = 'BuildContextTooLargeError';
  }
}

export class BuildContextTooManyFilesError extends BuildContextError {
  constructor(readonly limitEntries: number) {
    super(
      `the build context holds more than ${limitEntries.toLocaleString('en-US')} files and folders after .dockerignore; ` +
        'list what the image does not need (node_modules, .git, build output) in .dockerignore',
    );
    this.name = 'BuildContextTooManyFilesError';
  }
}

export function dockerignoreMatcher(contextDir: string, dockerfile: string): (relativePath: string) => boolean {
  const read = readInsideFolder(realpathSync(contextDir), '.dockerignore', MAX_DOCKERIGNORE_BYTES);
  if (read.state === 'missing') return () => false;
  if (read.state === 'refused') throw new BuildContextError(read.reason);
  // Under NodeNext the default export of this CommonJS module is the namespace object.
  const matcher = dockerignore.default({ ignorecase: false }).add(read.content.toString('utf8'));
  const alwaysSent = new Set([dockerfile, '.dockerignore']);
  return (relativePath) => !alwaysSent.has(relativePath) && matcher.ignores(relativePath);
}

export interface ContextMeasure {
  /** Bytes of the tar that would be sent: headers, padded contents, the closing blocks. */
  tarBytes: number;
  /** Files, folders and links that would be sent. */
  entries: number;
}

export interface ContextLimits {
  maxTarBytes?: number;
  maxEntries?: number;
}

/**
 * Measures the context as it would be sent, stopping once past a limit (so a huge folder is
 * not walked to the end just to refuse it). Symlinks count as their link, not the target.
 * @throws BuildContextError for a FIFO, socket or device in the context, or a folder that cannot be read
 */
export function measureContext(contextDir: string, dockerfile: string, limits: ContextLimits = {}): ContextMeasure {
  const maxTarBytes = limits.maxTarBytes ?? Number.POSITIVE_INFINITY;
  const maxEntries = limits.maxEntries ?? Number.POSITIVE_INFINITY;
  const ignored = dockerignoreMatcher(contextDir, dockerfile);
  const measure: ContextMeasure = { tarBytes: 2 * TAR_BLOCK, entries: 0 };
  const over = () => measure.tarBytes > maxTarBytes || measure.entries > maxEntries;
  const walk = (dir: string): void => {
    let handle;
    try {
      handle = opendirSync(dir);
    } catch (error) {
      throw new BuildContextError(`${path.relative(contextDir, dir) || '.'} in the build context cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    try {
      for (let entry = handle.readSync(); entry !== null && !over(); entry = handle.readSync()) {
        const full = path.join(dir, entry.name);
        const relative = path.relative(contextDir, full).split(path.sep).join('/');
        if (ignored(relative)) continue;
        measure.entries++;
        measure.tarBytes += TAR_BLOCK + (Buffer.byteLength(relative) > 100 ? 2 * TAR_BLOCK : 0);
        if (entry.isDirectory()) walk(full);
        else if (entry.isFile()) measure.tarBytes += Math.ceil(lstatSync(full).size / TAR_BLOCK) * TAR_BLOCK;
        else if (!entry.isSymbolicLink()) {
          throw new BuildContextError(`${relative} in the build context is ${describeType(lstatSync(full))}; remove it or list it in .dockerignore`);
        }
      }
    } finally {
      handle.closeSync();
    }
  };
  walk(contextDir);
  return measure;
}

/** Bytes the context would take as sent (tar headers included); kept for callers that want one number. */
export function contextSize(contextDir: string, dockerfile: string, stopAbove = Number.POSITIVE_INFINITY): number {
  return measureContext(contextDir, dockerfile, { maxTarBytes: stopAbove }).tarBytes;
}

/**
 * Throws when the context may not be sent: too big as a tar, too many entries, or holding
 * something that is not a file, folder or link.
 * @throws BuildContextError (BuildContextTooLargeError, BuildContextTooManyFilesError)
 */
export function assertContextWithinLimit(contextDir: string, dockerfile: string, limitBytes: number = buildCaps.contextBytes, limitEntries: number = MAX_CONTEXT_ENTRIES): void {
  const measure = measureContext(contextDir, dockerfile, { maxTarBytes: limitBytes, maxEntries: limitEntries });
  if (measure.entries > limitEntries) throw new BuildContextTooManyFilesError(limitEntries);
  if (measure.tarBytes > limitBytes) throw new BuildContextTooLargeError(measure.tarBytes, limitBytes);
}

export function packContext(contextDir: string, dockerfile: string): NodeJS.ReadableStream {
  const ignored = dockerignoreMatcher(contextDir, dockerfile);
  return tar.pack(contextDir, {
    dereference: false,
    // measureContext refused FIFOs and devices; one that appears since is skipped, never read.
    strict: false,
    ignore: (name) => {
      const relative = path.relative(contextDir, name).split(path.sep).join('/');
      return relative !== '' && ignored(relative);
    },
  }) as unknown as NodeJS.ReadableStream;
}

/** `67108864` -> `64 MiB`, `1536` -> `1.5 KiB`: sizes as a person reads them. */
export function formatSize(bytes: number): string {
  const [unit, size] = bytes >= 1024 * 1024 ? ['MiB', bytes / (1024 * 1024)] : bytes >= 1024 ? ['KiB', bytes / 1024] : ['bytes', bytes];
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${unit}`;
}
