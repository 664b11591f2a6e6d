#!/usr/bin/env node
// The installed entry point: runs the bundled CLI from dist/bundle/ (built by `npm install`).
import { existsSync } from 'node:fs';
import module from 'node:module';
import { fileURLToPath } from 'node:url';

// Node 22.1+ can cache compiled code between runs; on Node 20 this is simply absent.
module.enableCompileCache?.();

const argv = process.argv.slice(2);
// `lint` runs as a program of its own, started from V8's code cache (src/cli/codeCache.ts):
// lint's short runs spend much of their time compiling. SHIPSHAPE_CODE_CACHE=0 runs the full
// CLI's lint instead (the same answers, compiled afresh).
const lintProgram = new URL('../dist/bundle/lint.cjs', import.meta.url);
const entry = argv[0] === 'lint' && process.env.SHIPSHAPE_CODE_CACHE !== '0' && existsSync(lintProgram) ? lintProgram : new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('shipshape: dist/ is missing; run `npm install` (or `npm run build`) in the shipshape folder first.\n');
  process.exit(2);
}
let program;
let saveCache = () => {};
if (entry === lintProgram) {
  const { loadCachedProgram } = await import(new URL('../dist/bundle/codeCache.js', import.meta.url).href);
  const loaded = loadCachedProgram(fileURLToPath(lintProgram));
  program = loaded.exports;
  saveCache = loaded.saveCacheIfStale;
} else {
  program = await import(entry.href);
}
const { main, installSignalHandlers, shutdownRequested } = program;
// Every way out (signals, a closed pipe, an uncaught error) cleans up first, then exits non-zero.
installSignalHandlers();
const code = await main(argv);
// A shutdown under way owns the exit code; the command's own result came from an aborted run.
if (!shutdownRequested()) {
  process.exitCode = code;
  saveCache();
}
