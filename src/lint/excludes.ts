/**
 * gitignore-style excludes (`.shipshape.yaml` `exclude:`, `--exclude`), each relative to the
 * folder it was written for: the config file's folder, or the current folder for the command line.
 */
import path from 'node:path';
import ignore from 'ignore';
import type { ExcludeMatcher } from './discoverFiles.js';

export interface ExcludeSet {
  base: string;
  patterns: readonly string[];
}

/**
 * @example excludeMatcher([{ base: '/repo', patterns: ['charts/'] }])('/repo/charts/x/Dockerfile', false) // true
 */
export function excludeMatcher(sets: readonly ExcludeSet[]): ExcludeMatcher | undefined {
  const active = sets.filter((set) => set.patterns.length > 0).map((set) => ({ base: set.base, matcher: ignore().add([...set.patterns]) }));
  if (active.length === 0) return undefined;
  return (absolutePath, isDirectory) =>
    active.some(({ base, matcher }) => {
      const relative = path.relative(base, absolutePath).split(path.sep).join('/');
      if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return matcher.ignores(isDirectory ? `${relative}/` : relative);
    });
}
