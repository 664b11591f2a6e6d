// Bundles the compiled CLI (dist/) into dist/bundle/ so that starting shipshape reads a few
// files instead of hundreds: `--version`, `lint` and `check --static-only` start fast.
// Code splitting keeps every dynamic import() lazy, so the TUI (Ink, React) and the Docker
// edge (dockerode, gRPC) still load only when a command needs them; those stay external.
import { renameSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

// Build beside the live bundle, then swap: a CLI started meanwhile never finds it half gone,
// and no stale chunk of an earlier build survives.
const next = 'dist/bundle.next';
rmSync(next, { recursive: true, force: true });

await build({
  // The reaper is a process of its own (runtime/reaper.ts), forked beside the CLI.
  entryPoints: { main: 'dist/cli/main.js', reaper: 'dist/runtime/reaper.js' },
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
  external: ['ink', 'react', 'react/*', 'dockerode', '@grpc/grpc-js', 'tar-fs', 'tar-stream'],
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins.
  banner: { js: "import { createRequire as __shipshapeRequire } from 'node:module'; const require = __shipshapeRequire(import.meta.url);" },
});

rmSync('dist/bundle.old', { recursive: true, force: true });
try {
  renameSync('dist/bundle', 'dist/bundle.old');
} catch {
  // First build: nothing to move aside.
}
renameSync(next, 'dist/bundle');
rmSync('dist/bundle.old', { recursive: true, force: true });
