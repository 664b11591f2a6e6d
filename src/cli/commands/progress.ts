/** `shipshape progress [--json]`: what is passed, tried and left, and the suggested next step. */
import { existsSync } from 'node:fs';
import { courseOutline, outlineEntries } from '../../progress/courseOutline.js';
import { commandFor, nextStep } from '../../progress/nextStep.js';
import { challengeStatus, quizScore } from '../../progress/progress.js';
import { progressJson, progressTotals } from '../../progress/progressReport.js';
import { readProgress } from '../../progress/store.js';
import { workspaceDir } from '../../workspace/workspace.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { style } from '../style.js';

const marks = { passed: '[x]', 'in-progress': '[~]', 'not-started': '[ ]' } as const;

export async function progressCommand(options: { json: boolean }, io: Io): Promise<number> {
  const course = (await cliCourse());
  const sections = courseOutline(course);
  const entries = outlineEntries(sections);
  const { progress, problem } = readProgress();
  if (problem) io.err(`shipshape: ${problem}`);
  const workspaceOf = (id: string) => {
    const dir = workspaceDir({ id });
    return existsSync(dir) ? dir : null;
  };
  if (options.json) {
    io.out(JSON.stringify(progressJson(entries, progress, workspaceOf), null, 2));
    return 0;
  }
  const totals = progressTotals(entries, progress);
  io.out(style.bold(`${totals.challengesPassed} of ${totals.challenges} challenges passed · ${totals.lessonsRead} of ${totals.lessons} lessons opened · quiz ${totals.quizCorrect} of ${totals.quizQuestions} right`));
  for (const section of sections) {
    io.out('');
    io.out(style.bold(section.title));
    for (const entry of section.entries) {
      if (entry.kind === 'challenge') {
        const state = progress.challenges[entry.id];
        const status = challengeStatus(state);
        const detail =
          status === 'passed' ? `passed ${state?.passedAt?.slice(0, 10)}` :
          status === 'in-progress' ? `in progress, ${state?.attempts ?? 0} check${state?.attempts === 1 ? '' : 's'}${state?.lastResult ? `, last ${state.lastResult.passing}/${state.lastResult.total} passing` : ''}` :
          'not started';
        io.out(`  ${marks[status]} challenge ${entry.id}  ${style.dim(detail)}`);
      } else {
        const score = quizScore(progress.lessons[entry.id], entry.lesson.quiz);
        const opened = progress.lessons[entry.id]?.openedAt !== undefined;
        const quiz = score.questions === 0 ? '' : `, quiz ${score.correct}/${score.questions}${score.answered < score.questions ? ` (${score.questions - score.answered} unanswered)` : ''}`;
        io.out(`  ${opened && score.answered === score.questions ? '[x]' : opened ? '[~]' : '[ ]'} lesson    ${entry.id}  ${style.dim(`${opened ? 'opened' : 'not opened'}${quiz}`)}`);
      }
    }
  }
  const next = nextStep(entries, progress);
  io.out('');
  io.out(next ? `Next: ${next.title}  ->  ${commandFor(next)}` : 'Every lesson and challenge is done. Well done.');
  return 0;
}
