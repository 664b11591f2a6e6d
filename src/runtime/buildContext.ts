/**
 * The build context as a tar stream, honouring .dockerignore the way the Docker CLI does (the
 * Dockerfile and .dockerignore themselves are always sent). Symlinks are sent as links, never
 * followed, so a hostile folder cannot smuggle host files into the context.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import dockerignore from '@balena/dockerignore';
import tar from 'tar-fs';

export function dockerignoreMatcher(contextDir: string, dockerfile: string): (relativePath: string) => boolean {
  const ignoreFile = path.join(contextDir, '.dockerignore');
  if (!existsSync(ignoreFile)) return () => false;
  // Under NodeNext the default export of this CommonJS module is the namespace object.
  const matcher = dockerignore.default({ ignorecase: false }).add(readFileSync(ignoreFile, 'utf8'));
  const alwaysSent = new Set([dockerfile, '.dockerignore']);
  return (relativePath) => !alwaysSent.has(relativePath) && matcher.ignores(relativePath);
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
