// Bundles the compiled CLI (dist/) into dist/bundle/ so that starting shipshape reads a few
// files instead of hundreds: `--version`, `lint` and `check --static-only` start fast.
// Code splitting keeps every dynamic import() lazy, so the TUI (Ink, React) and the Docker
// edge (dockerode, gRPC) still load only when a command needs them; those stay external.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

// Stale chunks of an earlier build would only confuse whoever reads the folder.
rmSync('dist/bundle', { recursive: true, force: true });

await build({
  entryPoints: ['dist/cli/main.js'],
  outdir: 'dist/bundle',
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
