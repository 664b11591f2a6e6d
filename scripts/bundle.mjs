// Bundles the compiled CLI (dist/) into dist/bundle/ so that starting shipshape reads a few
// files instead of hundreds: `--version`, `lint` and `check --static-only` start fast.
// Code splitting keeps every dynamic import() lazy, so the TUI (Ink, React, in their own
// chunks) and the Docker edge (dockerode, gRPC, left external) load only when a command needs them.
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
  // Ink and React are bundled into the TUI's own lazy chunk: resolving and reading the ~200
  // files they span cost the first frame more than anything else. react-devtools-core is
  // Ink's optional development aid (loaded only with DEV=true) and not installed.
  external: ['react-devtools-core', 'dockerode', '@grpc/grpc-js', 'tar-fs', 'tar-stream'],
  // React's production build: the development one checks and warns on every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins. The real
  // require is made on first use: most chunks never call it, and making one per chunk at
  // startup costs `lint` measurable milliseconds.
  banner: { js: "import { createRequire as __shipshapeCreateRequire } from 'node:module'; let __shipshapeRequire; const require = (id) => (__shipshapeRequire ??= __shipshapeCreateRequire(import.meta.url))(id);" },
});

rmSync('dist/bundle.old', { recursive: true, force: true });
try {
  renameSync('dist/bundle', 'dist/bundle.old');
} catch {
  // First build: nothing to move aside.
}
renameSync(next, 'dist/bundle');
rmSync('dist/bundle.old', { recursive: true, force: true });
