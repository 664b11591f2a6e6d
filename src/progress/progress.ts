/**
 * A learner's progress as data, and every way it changes, as pure functions: the store
 * (store.ts) reads and writes the file, these decide what goes in it. Times come in as
 * ISO strings, so nothing here reads the clock.
 */
export const PROGRESS_VERSION = 1;

export interface ChallengeProgress {
  /** Every check of the workspace counts as an attempt, passed or not. */
  attempts: number;
  /** When it first passed; kept after a reset, since the learner did pass it. */
  passedAt?: string;
  lastCheckedAt?: string;
  /** The last check's result: how many of how many checks passed, and whether runtime ran. */
  lastResult?: { passed: boolean; passing: number; total: number; staticOnly: boolean };
  /** How many hints the learner has seen (they are shown one at a time, in order). */
  hintsShown: number;
  /** When the learner chose to see the solution before passing (`solution --force`). */
  solutionShownEarlyAt?: string;
  skippedAt?: string;
  resetAt?: string;
}

export interface QuizAnswer {
  correct: boolean;
  answeredAt: string;
}

export interface LessonProgress {
  openedAt?: string;
  /** Answers by question text, so a question moved within the quiz keeps its answer. */
  quiz: Record<string, QuizAnswer>;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  challenges: Record<string, ChallengeProgress>;
  lessons: Record<string, LessonProgress>;
}

export type ChallengeStatus = 'not-started' | 'in-progress' | 'passed';

export const emptyProgress = (): Progress => ({ version: PROGRESS_VERSION, challenges: {}, lessons: {} });

const emptyChallenge = (): ChallengeProgress => ({ attempts: 0, hintsShown: 0 });
const emptyLesson = (): LessonProgress => ({ quiz: {} });

function withChallenge(progress: Progress, id: string, change: (entry: ChallengeProgress) => ChallengeProgress): Progress {
  return { ...progress, challenges: { ...progress.challenges, [id]: change(progress.challenges[id] ?? emptyChallenge()) } };
}

function withLesson(progress: Progress, id: string, change: (entry: LessonProgress) => LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [id]: change(progress.lessons[id] ?? emptyLesson()) } };
}

export interface CheckSummary {
  passed: boolean;
  passing: number;
  total: number;
  staticOnly: boolean;
}

/**
 * Records one check of a workspace. A static-only pass of a challenge that also has runtime
 * checks is progress, not a pass: `passedAt` needs the whole check.
 *
 * @example recordCheck(p, 'pin-base-image', { passed: true, passing: 1, total: 1, staticOnly: false, complete: true }, now)
 */
export function recordCheck(progress: Progress, id: string, result: CheckSummary & { complete: boolean }, now: string): Progress {
  return withChallenge(progress, id, (entry) => ({
    ...entry,
    attempts: entry.attempts + 1,
    lastCheckedAt: now,
    lastResult: { passed: result.passed, passing: result.passing, total: result.total, staticOnly: result.staticOnly },
    ...(result.passed && result.complete && entry.passedAt === undefined ? { passedAt: now } : {}),
  }));
}

export function challengeStatus(entry: ChallengeProgress | undefined): ChallengeStatus {
  if (entry?.passedAt !== undefined) return 'passed';
  if (entry !== undefined && (entry.attempts > 0 || entry.hintsShown > 0 || entry.skippedAt !== undefined)) return 'in-progress';
  return 'not-started';
}

/** The learner saw hint `shown` (1-based); hints only ever go forward. */
export function recordHintShown(progress: Progress, id: string, shown: number): Progress {
  return withChallenge(progress, id, (entry) => ({ ...entry, hintsShown: Math.max(entry.hintsShown, shown) }));
}

export function recordSolutionShownEarly(progress: Progress, id: string, now: string): Progress {
  return withChallenge(progress, id, (entry) => (entry.passedAt !== undefined || entry.solutionShownEarlyAt ? entry : { ...entry, solutionShownEarlyAt: now }));
}

export function recordSkip(progress: Progress, id: string, now: string): Progress {
  return withChallenge(progress, id, (entry) => ({ ...entry, skippedAt: now }));
}

export function recordReset(progress: Progress, id: string, now: string): Progress {
  return withChallenge(progress, id, (entry) => ({ ...entry, resetAt: now }));
}

export function recordLessonOpened(progress: Progress, id: string, now: string): Progress {
  return withLesson(progress, id, (entry) => (entry.openedAt ? entry : { ...entry, openedAt: now }));
}

/** The first answer to a question is the one that counts for the score; later tries change nothing. */
export function recordQuizAnswer(progress: Progress, lessonId: string, question: string, correct: boolean, now: string): Progress {
  return withLesson(progress, lessonId, (entry) =>
    entry.quiz[question] ? entry : { ...entry, openedAt: entry.openedAt ?? now, quiz: { ...entry.quiz, [question]: { correct, answeredAt: now } } },
  );
}

/** A lesson's quiz score against the questions it has today (answers to removed questions drop out). */
export function quizScore(entry: LessonProgress | undefined, questions: readonly { question: string }[]): { questions: number; answered: number; correct: number } {
  const answers = questions.map((q) => entry?.quiz[q.question]).filter((a): a is QuizAnswer => a !== undefined);
  return { questions: questions.length, answered: answers.length, correct: answers.filter((a) => a.correct).length };
}
