/** `shipshape reset <challenge> [--yes]`: put the broken files back; the learner's are kept as .bak. */
import { createInterface } from 'node:readline/promises';
import { recordReset } from '../../progress/progress.js';
import { updateProgress } from '../../progress/store.js';
import { resetWorkspace, workspaceDir } from '../../workspace/workspace.js';
import { challengeArgument } from '../challengeArgument.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { UsageError } from '../usage.js';

export async function resetCommand(options: { challengeId: string; yes: boolean }, io: Io): Promise<number> {
  const course = (await cliCourse());
  const challenge = challengeArgument(course, options.challengeId, 'reset');
  const dir = workspaceDir(challenge);
  if (!options.yes) {
    if (process.stdin.isTTY !== true) throw new UsageError('reset replaces your files; confirm with --yes when not at a terminal', 'reset');
    const prompt = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await prompt.question(`Put the broken ${challenge.files.join(', ')} back in ${dir}? Your version is kept as .bak. [y/N] `);
    prompt.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      io.out('Nothing changed.');
      return 1;
    }
  }
  resetWorkspace(course, challenge);
  const { problem } = updateProgress((progress) => recordReset(progress, challenge.id, new Date().toISOString()));
  if (problem) io.err(`shipshape: ${problem}`);
  io.out(`Reset ${challenge.id} in ${dir}; your previous files are beside them as <file>.bak.`);
  return 0;
}
