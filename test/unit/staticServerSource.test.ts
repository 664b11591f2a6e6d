/**
 * Offline, the gcc stand-in "compiles" only the course's server.c (by its SHA-256): every copy a
 * challenge ships must be that same text, or its build fails with "not the course's server.c".
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATIC_SERVER_SOURCE } from '../../src/runtime/standIns/staticServerSource.js';
import { repoRoot } from '../helpers/cli.js';

function serverSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverSources(full);
    return name === 'server.c' ? [full] : [];
  });
}

describe('server.c in the challenges', () => {
  const copies = serverSources(path.join(repoRoot, 'challenges'));

  it('is shipped by the image challenges', () => {
    expect(copies.length).toBeGreaterThanOrEqual(4);
  });

  it.each(copies.map((file) => [path.relative(repoRoot, file)]))('%s is the stand-in source', (file) => {
    expect(readFileSync(path.join(repoRoot, file), 'utf8')).toBe(STATIC_SERVER_SOURCE);
  });
});
