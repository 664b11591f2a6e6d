/** `shipshape hint <challenge> [N]`: the next hint (or hint N), one at a time, and remembered. */
import { recordHintShown } from '../../progress/progress.js';
import { readProgress, updateProgress } from '../../progress/store.js';
import { challengeArgument } from '../challengeArgument.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';

export async function hintCommand(options: { challengeId: string; number: string | undefined }, io: Io): Promise<number> {
  const challenge = challengeArgument((await cliCourse()), options.challengeId, 'hint');
  const total = challenge.hints.length;
  if (total === 0) {
    io.out(`${challenge.id} has no hints; the task and \`shipshape check ${challenge.id}\` say what is wrong.`);
    return 0;
  }
  const seen = readProgress().progress.challenges[challenge.id]?.hintsShown ?? 0;
  const number = options.number === undefined ? Math.min(seen + 1, total) : Number(options.number);
  if (!Number.isInteger(number) || number < 1 || number > total) throw new UsageError(`hint number must be 1 to ${total}`, 'hint');
  const { problem } = updateProgress((progress) => recordHintShown(progress, challenge.id, number));
  if (problem) io.err(`shipshape: ${problem}`);
  io.out(style.bold(`Hint ${number} of ${total} for ${challenge.id}`));
  io.out(challenge.hints[number - 1] ?? '');
  if (number < total) io.out(style.dim(`(next: shipshape hint ${challenge.id})`));
  return 0;
}
