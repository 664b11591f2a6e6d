/**
 * Finds the `.shipshape.yaml` that applies to a path: the nearest one in the path's folder or
 * above it, the way `.editorconfig` and ESLint's flat config are found. The filesystem edge of
 * configuration; parsing is in shipshapeConfig.ts.
 */
import { statSync } from 'node:fs';
import path from 'node:path';

export const CONFIG_NAMES = ['.shipshape.yaml', '.shipshape.yml'] as const;

/**
 * @example findConfigFile('/repo/deploy/k8s') // '/repo/.shipshape.yaml' when only the root has one
 */
export function findConfigFile(start: string, cache: Map<string, string | null> = new Map()): string | undefined {
  let dir = isDirectory(start) ? start : path.dirname(start);
  const visited: string[] = [];
  for (;;) {
    const known = cache.get(dir);
    if (known !== undefined) return remember(known);
    visited.push(dir);
    for (const name of CONFIG_NAMES) {
      const candidate = path.join(dir, name);
      if (isFile(candidate)) return remember(candidate);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return remember(null);
    dir = parent;
  }
  function remember(found: string | null): string | undefined {
    for (const folder of visited) cache.set(folder, found);
    return found ?? undefined;
  }
}

/** The repository root for repository-relative paths (SARIF, CI annotations): the folder holding `.git`, else `cwd`. */
export function findRepositoryRoot(cwd: string): string {
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    try {
      statSync(path.join(dir, '.git'));
      return dir;
    } catch {
      // not here; look further up
    }
    if (path.dirname(dir) === dir) return cwd;
  }
}

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
