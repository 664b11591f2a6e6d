#!/usr/bin/env node
// The installed entry point: runs the compiled CLI from dist/ (built by `npm install`).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('shipshape: dist/ is missing; run `npm install` (or `npm run build`) in the shipshape folder first.\n');
  process.exit(2);
}
const { main, installSignalHandlers } = await import(entry.href);
installSignalHandlers();
process.exitCode = await main(process.argv.slice(2));
