/**
 * The build context as a tar stream, honouring .dockerignore the way the Docker CLI does (the
 * Dockerfile and .dockerignore themselves are always sent). Symlinks are sent as links, never
 * followed, so a hostile folder cannot smuggle host files into the context. The context is
 * measured before anything is sent and refused above a cap, with the limit in the message.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import tar from 'tar-fs';
import { buildCaps } from './limits.js';

export class BuildContextTooLargeError extends Error {
  constructor(readonly bytes: number, readonly limitBytes: number) {
    super(
      `the build context is over shipshape's limit of ${formatSize(limitBytes)} after .dockerignore (counted ${formatSize(bytes)} before stopping); ` +
        'list large files and folders (node_modules, build output, disk images) in .dockerignore',
    );
    this.name = 'BuildContextTooLargeError';
  }
}

export function dockerignoreMatcher(contextDir: string, dockerfile: string): (relativePath: string) => boolean {
  const ignoreFile = path.join(contextDir, '.dockerignore');
  if (!existsSync(ignoreFile)) return () => false;
  // Under NodeNext the default export of this CommonJS module is the namespace object.
  const matcher = dockerignore.default({ ignorecase: false }).add(readFileSync(ignoreFile, 'utf8'));
  const alwaysSent = new Set([dockerfile, '.dockerignore']);
  return (relativePath) => !alwaysSent.has(relativePath) && matcher.ignores(relativePath);
}

/**
 * Bytes of the regular files that would be sent (symlinks count as their link, not the target).
 * Stops counting once past `stopAbove`, so a huge folder is not walked to the end just to refuse it.
 */
export function contextSize(contextDir: string, dockerfile: string, stopAbove = Number.POSITIVE_INFINITY): number {
  const ignored = dockerignoreMatcher(contextDir, dockerfile);
  let total = 0;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (total > stopAbove) return;
      const full = path.join(dir, entry.name);
      const relative = path.relative(contextDir, full).split(path.sep).join('/');
      if (ignored(relative)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) total += lstatSync(full).size;
    }
  };
  walk(contextDir);
  return total;
}

/** Throws BuildContextTooLargeError when the context would exceed `limitBytes`. */
export function assertContextWithinLimit(contextDir: string, dockerfile: string, limitBytes: number = buildCaps.contextBytes): void {
  const bytes = contextSize(contextDir, dockerfile, limitBytes);
  if (bytes > limitBytes) throw new BuildContextTooLargeError(bytes, limitBytes);
}

export function packContext(contextDir: string, dockerfile: string): NodeJS.ReadableStream {
  const ignored = dockerignoreMatcher(contextDir, dockerfile);
  return tar.pack(contextDir, {
    dereference: false,
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
