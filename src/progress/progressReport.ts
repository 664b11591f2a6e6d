/**
 * `shipshape progress --json`, version 1: the stable shape scripts read. Pure; the caller
 * says where each challenge's workspace is and whether it exists.
 */
import type { OutlineEntry } from './courseOutline.js';
import { challengeStatus, quizScore, type ChallengeStatus, type Progress } from './progress.js';

export interface ProgressJson {
  version: 1;
  challenges: { id: string; title: string; status: ChallengeStatus; workspace: string | null; attempts: number; passedAt: string | null }[];
  lessons: { id: string; quiz: { questions: number; answered: number; correct: number } }[];
}

export function progressJson(entries: readonly OutlineEntry[], progress: Progress, workspaceOf: (id: string) => string | null): ProgressJson {
  return {
    version: 1,
    challenges: entries.flatMap((entry) => {
      if (entry.kind !== 'challenge') return [];
      const state = progress.challenges[entry.id];
      return [{ id: entry.id, title: entry.title, status: challengeStatus(state), workspace: workspaceOf(entry.id), attempts: state?.attempts ?? 0, passedAt: state?.passedAt ?? null }];
    }),
    lessons: entries.flatMap((entry) => (entry.kind === 'lesson' ? [{ id: entry.id, quiz: quizScore(progress.lessons[entry.id], entry.lesson.quiz) }] : [])),
  };
}

/** Totals for the header of the map and of `shipshape progress`. */
export function progressTotals(entries: readonly OutlineEntry[], progress: Progress): { challengesPassed: number; challenges: number; quizCorrect: number; quizQuestions: number; lessonsRead: number; lessons: number } {
  const totals = { challengesPassed: 0, challenges: 0, quizCorrect: 0, quizQuestions: 0, lessonsRead: 0, lessons: 0 };
  for (const entry of entries) {
    if (entry.kind === 'challenge') {
      totals.challenges++;
      if (challengeStatus(progress.challenges[entry.id]) === 'passed') totals.challengesPassed++;
    } else {
      totals.lessons++;
      if (progress.lessons[entry.id]?.openedAt) totals.lessonsRead++;
      const score = quizScore(progress.lessons[entry.id], entry.lesson.quiz);
      totals.quizCorrect += score.correct;
      totals.quizQuestions += score.questions;
    }
  }
  return totals;
}
