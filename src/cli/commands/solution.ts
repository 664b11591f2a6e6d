/**
 * `shipshape solution <challenge> [--force]`: the diff between the learner's files and the
 * reference solution, once the challenge passed. `--force` shows it earlier, and the progress
 * file remembers that it did.
 */
import { existsSync } from 'node:fs';
import { challengeStatus, recordSolutionShownEarly } from '../../progress/progress.js';
import { readProgress, updateProgress } from '../../progress/store.js';
import { diffAgainstSolution } from '../../solution/readSolution.js';
import { formatSolutionDiffs } from '../../solution/solutionDiff.js';
import { workspaceDir } from '../../workspace/workspace.js';
import { challengeArgument } from '../challengeArgument.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';

export async function solutionCommand(options: { challengeId: string; force: boolean }, io: Io): Promise<number> {
  const course = (await cliCourse());
  const challenge = challengeArgument(course, options.challengeId, 'solution');
  const passed = challengeStatus(readProgress().progress.challenges[challenge.id]) === 'passed';
  if (!passed && !options.force) {
    io.err(`shipshape: ${challenge.id} has not passed yet; the solution is shown once \`shipshape check ${challenge.id}\` passes.`);
    io.err('  To see it now anyway (your progress will note it): shipshape solution ' + `${challenge.id} --force`);
    return 1;
  }
  if (!passed) {
    const { problem } = updateProgress((progress) => recordSolutionShownEarly(progress, challenge.id, new Date().toISOString()));
    if (problem) io.err(`shipshape: ${problem}`);
  }
  const dir = workspaceDir(challenge);
  if (!existsSync(dir)) io.err(`(no workspace yet at ${dir}: showing the solution against an empty file)`);
  io.out(formatSolutionDiffs(diffAgainstSolution(course.root, challenge, dir)));
  return 0;
}
