/**
 * Starts a bundled CommonJS program with V8's code cache: the bytecode of every function the
 * program compiled on an earlier run, so this run neither parses nor compiles them again. Node
 * 22 does this itself for ES modules (`module.enableCompileCache`); Node 20 offers it only for
 * scripts, through `vm.Script`'s `cachedData`, which is what this is.
 *
 * The cache sits beside the program, named by the program's build id (written on its first
 * line by scripts/bundle.mjs), the V8 version, the architecture and the flags node runs with:
 * a cache never meets other code, and runs under other flags (whose cache V8 would refuse) keep
 * their own instead of overwriting each other's. The build writes the cache after a training
 * run; a run that finds it missing or refused writes a fresh one when it is done, if the folder
 * is writable (an install owned by someone else simply runs without). It is written only beside
 * the code it belongs to: whoever may write it may already change the code, so it opens no way
 * in that was not there.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { Script } from 'node:vm';

export interface CachedProgram<Exports> {
  exports: Exports;
  /** Whether this run compiled without a usable cache. */
  compiledFresh: boolean;
  /** Writes the cache when this run had none it could use; never throws. */
  saveCacheIfStale(): void;
  /** Writes the cache now, whatever this run started with (the build's training run). */
  saveCache(): void;
}

/** `//# shipshape-build=<id>` on the program's first line. */
const BUILD_ID = /^\/\/# shipshape-build=([0-9a-f]{8,64})\n/;

/** What decides whether V8 accepts a cache: its version, the machine, and the flags node runs with. */
export interface CacheKey {
  v8: string;
  arch: string;
  /**
   * The V8 flags in force: this loader's own tuning, `process.execArgv` and NODE_OPTIONS. V8
   * refuses a cache made under other flags, so a change to any of them names another file.
   */
  flags: string;
}

/**
 * V8's tiering tuned for a short run, set before the program compiles. Lint runs last a fraction
 * of a second, and with V8's default budget much of that went to TurboFan optimizing functions
 * that had only begun to run (on two cores its compiles compete with the run itself): with 4.4
 * times the budget a function runs longer in Sparkplug's baseline code first, which took about a
 * seventh off the bench corpus end to end, while a long run still optimizes what stays hot.
 * Only this number is changed at run time: it is read each time a function's budget is reset,
 * whereas flags read once at start-up (the heap's, the compilers' switches) can crash V8 when
 * changed later. V8 refuses a cache made under other flags, so the build's training run sets it
 * too, through this same loader, and it is part of the cache's name (see currentCacheKey).
 */
const SHORT_RUN_V8_FLAGS = '--interrupt-budget=300000';

export const currentCacheKey = (): CacheKey => ({ v8: process.versions.v8, arch: process.arch, flags: `${SHORT_RUN_V8_FLAGS}|${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}` });

/**
 * Where the cache of a program lives, or undefined when the program carries no build id.
 * Runs under other flags keep a cache of their own instead of replacing each other's.
 */
export function cacheFileFor(programFile: string, source: string, key: CacheKey = currentCacheKey()): string | undefined {
  const id = BUILD_ID.exec(source)?.[1];
  if (id === undefined) return undefined;
  const flags = key.flags === '|' ? '' : `-${fnv1a(key.flags)}`;
  return `${programFile}.${id}.${key.v8.replace(/[^0-9A-Za-z.-]/g, '_')}-${key.arch}${flags}.v8cache`;
}

/** A short, stable fingerprint of a string (not a secret: it only tells caches apart). */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function loadCachedProgram<Exports>(programFile: string, options: { useCache?: boolean } = {}): CachedProgram<Exports> {
  v8.setFlagsFromString(SHORT_RUN_V8_FLAGS);
  const source = readFileSync(programFile, 'utf8');
  const cacheFile = cacheFileFor(programFile, source);
  let cachedData: Buffer | undefined;
  if (cacheFile !== undefined && options.useCache !== false) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      // No cache yet: compile, and leave one for the next run.
    }
  }
  // CommonJS's own wrapper: the program sees exports, require and module as under require().
  // The program may not use import(): a script has no module loader (bundle.mjs checks).
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n});`, { filename: programFile, cachedData });
  const compiledFresh = cachedData === undefined || script.cachedDataRejected === true;
  const module = { exports: {} as Exports };
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(programFile), module, programFile, path.dirname(programFile));
  const saveCache = (): void => {
    if (cacheFile === undefined) return;
    // Written beside, then renamed: a run starting meanwhile reads the old cache or the new one.
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, cacheFile);
    } catch {
      // A read-only install, a full disk: the next run compiles as this one did.
      try {
        rmSync(temporary, { force: true });
      } catch {
        // Nothing was written, or nothing can be removed here either.
      }
    }
  };
  return { exports: module.exports, compiledFresh, saveCache, saveCacheIfStale: () => void (compiledFresh && saveCache()) };
}
