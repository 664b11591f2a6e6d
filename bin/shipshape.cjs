#!/usr/bin/env node
// The installed entry point: runs the bundled CLI from dist/bundle/ (built by `npm install`).
// CommonJS on purpose: `lint` never needs Node's ES module loader, whose start (it loads
// fs/promises, streams and readline) was a quarter of a one-file lint's time above bare node.
'use strict';
const { existsSync } = require('node:fs');
const module_ = require('node:module');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

// Node 22.1+ can cache compiled code between runs; on Node 20 this is simply absent.
module_.enableCompileCache?.();

const bundle = path.join(__dirname, '..', 'dist', 'bundle');
const argv = process.argv.slice(2);
// `lint` runs as a program of its own, started from V8's code cache (src/cli/codeCache.ts):
// lint's short runs spend much of their time compiling. SHIPSHAPE_CODE_CACHE=0 runs the full
// CLI's lint instead (the same answers, compiled afresh).
const lintProgram = path.join(bundle, 'lint.cjs');
const useLintProgram = argv[0] === 'lint' && process.env.SHIPSHAPE_CODE_CACHE !== '0' && existsSync(lintProgram);
const entry = useLintProgram ? lintProgram : path.join(bundle, 'main.js');

async function start() {
  if (!existsSync(entry)) {
    process.stderr.write('shipshape: dist/ is missing; run `npm install` (or `npm run build`) in the shipshape folder first.\n');
    process.exit(2);
  }
  let program;
  let saveCache = () => {};
  if (useLintProgram) {
    const loaded = require(path.join(bundle, 'codeCache.cjs')).loadCachedProgram(lintProgram);
    program = loaded.exports;
    saveCache = loaded.saveCacheIfStale;
  } else {
    program = await import(pathToFileURL(entry).href);
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
}

void start();
