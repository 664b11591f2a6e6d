#!/usr/bin/env node
// The installed entry point: runs the bundled CLI from dist/bundle/ (built by `npm install`).
import { existsSync } from 'node:fs';
import module from 'node:module';

// Node 22.1+ can cache compiled code between runs; on Node 20 this is simply absent.
module.enableCompileCache?.();

const entry = new URL('../dist/bundle/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('shipshape: dist/ is missing; run `npm install` (or `npm run build`) in the shipshape folder first.\n');
  process.exit(2);
}
const { main, installSignalHandlers, shutdownRequested } = await import(entry.href);
// Every way out (signals, a closed pipe, an uncaught error) cleans up first, then exits non-zero.
installSignalHandlers();
const code = await main(process.argv.slice(2));
// A shutdown under way owns the exit code; the command's own result came from an aborted run.
if (!shutdownRequested()) process.exitCode = code;
