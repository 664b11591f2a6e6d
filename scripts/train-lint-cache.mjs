// Writes the lint program's code cache (see src/cli/codeCache.ts): lints the course's own
// Dockerfiles, compose files, Kubernetes manifests and CI workflows in every output format,
// so that what a real run compiles first is already compiled, then saves the cache.
// Run by scripts/bundle.mjs after each build; `node scripts/train-lint-cache.mjs` by hand.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { loadCachedProgram } = await import(path.join(root, 'dist/bundle/codeCache.cjs'));
const program = loadCachedProgram(path.join(root, 'dist/bundle/lint.cjs'), { useCache: false });
const quiet = { out: () => {}, err: () => {} };
const challenges = path.join(root, 'challenges');
for (const format of program.exports.LINT_FORMATS) {
  // Exit status 1 (findings) is the expected outcome here; 2 or 70 would mean a broken build.
  const code = await program.exports.main(['lint', '--format', format, challenges], quiet);
  if (code !== 0 && code !== 1) {
    process.stderr.write(`train-lint-cache: \`lint --format ${format} challenges\` exited with ${code}\n`);
    process.exit(1);
  }
}
program.saveCache();
