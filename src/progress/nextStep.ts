/**
 * What to do next: the first step in course order the learner has not finished. A lesson is
 * finished once read with every quiz question answered; a challenge once passed or skipped.
 * Pure, so the course map's highlight and `shipshape next` agree.
 */
import type { OutlineEntry } from './courseOutline.js';
import { challengeStatus, quizScore, type Progress } from './progress.js';

export function isFinished(entry: OutlineEntry, progress: Progress): boolean {
  if (entry.kind === 'challenge') {
    const state = progress.challenges[entry.id];
    return challengeStatus(state) === 'passed' || state?.skippedAt !== undefined;
  }
  const state = progress.lessons[entry.id];
  const score = quizScore(state, entry.lesson.quiz);
  return state?.openedAt !== undefined && score.answered === score.questions;
}

/**
 * The suggested next step, or undefined when the whole course is done.
 *
 * @example nextStep(outlineEntries(courseOutline(course)), progress)?.id
 */
export function nextStep(entries: readonly OutlineEntry[], progress: Progress, after?: string): OutlineEntry | undefined {
  // "Next" from a given entry looks forward from it first, then wraps to anything left earlier.
  const start = after === undefined ? 0 : entries.findIndex((entry) => entry.id === after) + 1;
  const ordered = [...entries.slice(start), ...entries.slice(0, start)];
  return ordered.find((entry) => !isFinished(entry, progress));
}

/** The command that takes the learner there outside the TUI. */
export function commandFor(entry: OutlineEntry): string {
  return entry.kind === 'lesson' ? `shipshape lesson ${entry.id}` : `shipshape check ${entry.id}`;
}
