// A process that writes progress.json as fast as it can, for the crash and concurrency tests:
// node progressWriter.mjs <file> <count> <challenge-id>. Uses the built store (dist/), as the CLI does.
import { recordCheck } from '../../dist/progress/progress.js';
import { updateProgress } from '../../dist/progress/store.js';

const [file, count, id] = process.argv.slice(2);
const result = { passed: false, passing: 0, total: 1, staticOnly: true, complete: false };
for (let i = 0; i < Number(count); i++) {
  updateProgress((p) => recordCheck(p, id, result, new Date().toISOString()), file);
  if (i === 0) process.stdout.write('ready\n');
}
