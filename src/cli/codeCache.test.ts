import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheFileFor, currentCacheKey, loadCachedProgram } from './codeCache.js';

const key = { v8: '11.3.244.8-node.38', arch: 'x64', flags: '|' };
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function program(body: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-codecache-'));
  dirs.push(dir);
  const file = path.join(dir, 'program.cjs');
  writeFileSync(file, `//# shipshape-build=0123456789abcdef\n${body}`);
  return file;
}

describe('cacheFileFor', () => {
  it('names the cache by build id, V8 version and architecture', () => {
    expect(cacheFileFor('/x/lint.cjs', '//# shipshape-build=0123456789abcdef\ncode', key)).toBe('/x/lint.cjs.0123456789abcdef.11.3.244.8-node.38-x64.v8cache');
  });
  it('gives runs under other node flags a cache of their own', () => {
    const plain = cacheFileFor('/x/lint.cjs', '//# shipshape-build=0123456789abcdef\n', key);
    const flagged = cacheFileFor('/x/lint.cjs', '//# shipshape-build=0123456789abcdef\n', { ...key, flags: '--cpu-prof|' });
    expect(flagged).not.toBe(plain);
    expect(flagged).toMatch(/-x64-[0-9a-f]{8}\.v8cache$/);
  });
  it('counts the loader\'s own V8 tuning among the flags, so a change to it names another cache', () => {
    expect(currentCacheKey().flags).toMatch(/^--interrupt-budget=\d+\|/);
  });
  it('has no cache for a program without a build id', () => {
    expect(cacheFileFor('/x/lint.cjs', 'code', key)).toBeUndefined();
  });
});

describe('loadCachedProgram', () => {
  it('runs the program as CommonJS, writes a cache when it had none, and uses it next time', () => {
    const file = program("const path = require('node:path'); exports.answer = () => path.basename(__filename) + ':' + (6 * 7);");
    const first = loadCachedProgram<{ answer: () => string }>(file);
    expect(first.exports.answer()).toBe('program.cjs:42');
    expect(first.compiledFresh).toBe(true);
    first.saveCacheIfStale();
    const cache = cacheFileFor(file, readFileSync(file, 'utf8')) as string;
    expect(existsSync(cache)).toBe(true);
    const second = loadCachedProgram<{ answer: () => string }>(file);
    expect(second.compiledFresh).toBe(false);
    expect(second.exports.answer()).toBe('program.cjs:42');
    // Nothing half-written is left beside it.
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('compiles afresh over a cache V8 refuses, and replaces it', () => {
    const file = program('exports.value = 1;');
    const cache = cacheFileFor(file, readFileSync(file, 'utf8')) as string;
    writeFileSync(cache, Buffer.from('not a code cache at all'));
    const loaded = loadCachedProgram<{ value: number }>(file);
    expect(loaded.exports.value).toBe(1);
    expect(loaded.compiledFresh).toBe(true);
    loaded.saveCacheIfStale();
    expect(readFileSync(cache).toString()).not.toBe('not a code cache at all');
    expect(loadCachedProgram(file).compiledFresh).toBe(false);
  });

  it('leaves a cache that the next process, tuned the same way, accepts', () => {
    // The loader changes one of V8's flags before compiling, and V8 refuses a cache made under
    // other flags: what one run writes must still be what the next run can use.
    const file = program('exports.value = 3;');
    const loader = path.resolve('dist/bundle/codeCache.cjs');
    const run = () => spawnSync(process.execPath, ['--input-type=module', '-e', `
      const { loadCachedProgram } = await import(${JSON.stringify(loader)});
      const loaded = loadCachedProgram(${JSON.stringify(file)});
      loaded.saveCacheIfStale();
      process.stdout.write(String(loaded.compiledFresh) + ' ' + loaded.exports.value);
    `], { encoding: 'utf8' });
    expect(run().stdout).toBe('true 3');
    expect(run().stdout).toBe('false 3');
  });

  it('runs without a cache where none can be written', () => {
    const file = program('exports.value = 2;');
    const cache = cacheFileFor(file, readFileSync(file, 'utf8')) as string;
    // A folder where the cache file should be: the write fails, quietly.
    spawnSync('mkdir', [cache]);
    const loaded = loadCachedProgram<{ value: number }>(file);
    expect(loaded.exports.value).toBe(2);
    expect(() => loaded.saveCacheIfStale()).not.toThrow();
    expect(readdirSync(path.dirname(file)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});
