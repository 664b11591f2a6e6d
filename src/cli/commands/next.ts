/** `shipshape next`: the first unfinished step in course order, and the command that opens it. */
import { courseOutline, outlineEntries } from '../../progress/courseOutline.js';
import { commandFor, nextStep } from '../../progress/nextStep.js';
import { readProgress } from '../../progress/store.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';

export async function nextCommand(io: Io): Promise<number> {
  const entries = outlineEntries(courseOutline((await cliCourse())));
  const { progress, problem } = readProgress();
  if (problem) io.err(`shipshape: ${problem}`);
  const next = nextStep(entries, progress);
  if (!next) {
    io.out('Every lesson and challenge is done. `shipshape progress` shows the whole record.');
    return 0;
  }
  io.out(`Next: ${next.kind} ${next.id}: ${next.title}`);
  io.out(`  ${commandFor(next)}${next.kind === 'challenge' ? `   (or: shipshape watch ${next.id})` : ''}`);
  return 0;
}
