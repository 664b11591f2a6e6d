// Bundles the compiled CLI (dist/) into dist/bundle/ so that starting shipshape reads a few
// files instead of hundreds: `--version`, `lint` and `check --static-only` start fast.
// Code splitting keeps every dynamic import() lazy, so the TUI (Ink, React, in their own
// chunks) and the Docker edge (dockerode bundled; gRPC, ssh2 and tar left external) load only when needed.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

// Build beside the live bundle, then swap: a CLI started meanwhile never finds it half gone,
// and no stale chunk of an earlier build survives.
const next = 'dist/bundle.next';
rmSync(next, { recursive: true, force: true });

/**
 * dockerode loads ssh2 (for ssh:// engines), gRPC (BuildKit sessions) and protobufjs (BuildKit
 * progress) when it loads, most of its start-up, which every runtime check paid for even on a
 * local socket and the classic builder. Bundled, those arrive through stand-ins that load the
 * real package (left external) on first use.
 * Its two proto-file paths are relative to its own folder, which the bundle no longer is.
 */
const LAZY = new Set(['ssh2', '@grpc/grpc-js', '@grpc/proto-loader', 'protobufjs']);
const lazyDockerodeDependencies = {
  name: 'lazy-dockerode-dependencies',
  setup(build) {
    build.onResolve({ filter: /^(ssh2|@grpc\/grpc-js|@grpc\/proto-loader|protobufjs)$/ }, (args) =>
      /node_modules[\\/](dockerode|docker-modem)[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => {
      if (!LAZY.has(args.path)) return undefined;
      // Resolved from the package that depends on it, as its own require would have.
      const owner = args.path === 'ssh2' ? "createRequire(createRequire(require.resolve('dockerode/package.json')).resolve('docker-modem/package.json'))" : "createRequire(require.resolve('dockerode/package.json'))";
      const load = `const { createRequire } = require('node:module'); let real; const load = () => (real ??= ${owner}(${JSON.stringify(args.path)}));`;
      // docker-modem reads ssh2's Client when it loads; every other use is inside a call.
      const contents =
        args.path === 'ssh2'
          ? `${load}\nmodule.exports = { Client: function Client(...rest) { return new (load().Client)(...rest); } };`
          : `${load}\nmodule.exports = new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });`;
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
    build.onLoad({ filter: /node_modules[\\/]dockerode[\\/]lib[\\/](session|buildkit)\.js$/ }, async (args) => {
      const { readFile } = await import('node:fs/promises');
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('__dirname')) throw new Error(`${args.path} no longer uses __dirname: look at lazyDockerodeDependencies again`);
      return { contents: text.replaceAll('__dirname', "require('node:path').dirname(require.resolve('dockerode/lib/session.js'))"), loader: 'js' };
    });
  },
};

/**
 * The yaml package and js-yaml are read only for YAML that shipshape's own reader (plainYaml.ts)
 * leaves to them, and by course content. Evaluating them when their chunk loads (about a hundred
 * CommonJS modules for yaml) cost every `lint` of YAML about 10 ms, most often for nothing.
 * shipshape's imports of them get a stand-in whose every export is a getter that evaluates the
 * bundled package on first use; the stand-in's own require() is bundled as usual.
 */
const LAZY_PACKAGES = ['yaml', 'js-yaml'];
const lazyYamlPackages = {
  name: 'lazy-yaml-packages',
  setup(build) {
    build.onResolve({ filter: /^(yaml|js-yaml)$/ }, (args) =>
      args.kind === 'import-statement' && !/node_modules[\\/]/.test(args.importer) ? { path: args.path, namespace: 'lazy-yaml' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-yaml' }, async (args) => {
      if (!LAZY_PACKAGES.includes(args.path)) return undefined;
      const { createRequire } = await import('node:module');
      const names = Object.keys(createRequire(import.meta.url)(args.path));
      const getters = names.map((name) => `  get ${name}() { return load().${name}; },`).join('\n');
      const contents = `let real;\nconst load = () => (real ??= require(${JSON.stringify(args.path)}));\nmodule.exports = {\n${getters}\n};\n`;
      return { contents, loader: 'js', resolveDir: process.cwd() };
    });
  },
};

await build({
  // The reaper is a process of its own (runtime/reaper.ts), forked beside the CLI.
  entryPoints: { main: 'dist/cli/main.js', reaper: 'dist/runtime/reaper.js' },
  outdir: next,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // SHIPSHAPE_BUNDLE_MINIFY=0 keeps function names readable in CPU profiles.
  minify: process.env.SHIPSHAPE_BUNDLE_MINIFY !== '0',
  sourcemap: 'linked',
  logLevel: 'warning',
  // Ink and React are bundled into the TUI's own lazy chunk: resolving and reading the ~200
  // files they span cost the first frame more than anything else. react-devtools-core is
  // Ink's optional development aid (loaded only with DEV=true) and not installed. tar-fs and
  // tar-stream (build contexts, the toolbox) are bundled too: resolving and loading their dozen
  // CommonJS files through Node's loader cost every runtime check ~15 ms.
  external: ['react-devtools-core', '@grpc/grpc-js'],
  plugins: [lazyDockerodeDependencies, lazyYamlPackages],
  // React's production build: the development one checks and warns on every render.
  define: { 'process.env.NODE_ENV': '"production"' },
  // CommonJS dependencies bundled into ESM still call require() for Node built-ins. The real
  // require is made on first use: most chunks never call it, and making one per chunk at
  // startup costs `lint` measurable milliseconds.
  banner: {
    js: "import { createRequire as __shipshapeCreateRequire } from 'node:module'; let __shipshapeRequire; const require = (id) => (__shipshapeRequire ??= __shipshapeCreateRequire(import.meta.url))(id); require.resolve = (id) => (__shipshapeRequire ??= __shipshapeCreateRequire(import.meta.url)).resolve(id);",
  },
});

/** A script has no module loader: a lazy `import('node:…')` becomes a lazy require() in it. */
const builtinsRequired = {
  name: 'builtins-required',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-required' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin-required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)});`, loader: 'js' }));
  },
};

// The loader that starts the lint program below with its code cache (bin/shipshape.cjs, a
// CommonJS script, requires it): CommonJS too, so that `lint` never starts Node's ES module loader.
await build({
  entryPoints: ['dist/cli/codeCache.js'],
  outfile: `${next}/codeCache.cjs`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.SHIPSHAPE_BUNDLE_MINIFY !== '0',
  logLevel: 'warning',
});

/**
 * `lint` once more, as one CommonJS script (cli/lintProgram.ts): V8's code cache, which lint's
 * short runs gain most from, is open to scripts only on Node 20 (see cli/codeCache.ts). Its first
 * line carries a build id, a hash of the rest, which names the cache so that no cache ever
 * meets other code.
 */
const lintProgram = await build({
  entryPoints: ['dist/cli/lintProgram.js'],
  outfile: `${next}/lint.cjs`,
  write: false,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: process.env.SHIPSHAPE_BUNDLE_MINIFY !== '0',
  sourcemap: 'linked',
  logLevel: 'warning',
  plugins: [lazyYamlPackages, builtinsRequired],
  define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__shipshapeModuleUrl' },
  banner: { js: "const __shipshapeModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
});
for (const file of lintProgram.outputFiles) {
  mkdirSync(path.dirname(file.path), { recursive: true });
  if (file.path.endsWith('.map')) {
    // The build-id line below moves the program a line down; a leading `;` moves the map's lines too.
    const map = JSON.parse(file.text);
    writeFileSync(file.path, JSON.stringify({ ...map, mappings: `;${map.mappings}` }));
    continue;
  }
  // Nothing of the runtime (Docker) or the TUI belongs in lint; its arrival here is a mistake.
  for (const marker of ['docker-modem', 'dockerode', 'react-reconciler']) {
    if (file.text.includes(marker)) throw new Error(`the lint program bundles ${marker}: an import reaches the runtime or the TUI`);
  }
  if (/\bimport\(/.test(file.text)) throw new Error('the lint program keeps an import(), which a script cannot run');
  const id = createHash('sha256').update(file.text).digest('hex').slice(0, 16);
  writeFileSync(file.path, `//# shipshape-build=${id}\n${file.text}`);
}

rmSync('dist/bundle.old', { recursive: true, force: true });
try {
  renameSync('dist/bundle', 'dist/bundle.old');
} catch {
  // First build: nothing to move aside.
}
renameSync(next, 'dist/bundle');
rmSync('dist/bundle.old', { recursive: true, force: true });

// The lint program's code cache, from a training run over the course's own files: what lint
// compiles there is what a run on a real repository compiles first.
const training = spawnSync(process.execPath, ['scripts/train-lint-cache.mjs'], { stdio: 'inherit' });
if (training.status !== 0) throw new Error('training the lint program\'s code cache failed');
