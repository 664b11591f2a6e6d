/**
 * A quiz being answered: the question, where the cursor is, what is picked, and the feedback
 * once answered. One reducer for all four kinds (single, select-all, which-line, put-in-order).
 * Pure and tested without rendering; the screen only draws it.
 */
import { shuffledSteps } from '../../content/quizText.js';
import type { QuizQuestion } from '../../content/schema.js';

export interface QuizFeedback {
  correct: boolean;
  /** What the learner gave, and what was right, as the screen names them (letters, line numbers). */
  given: string;
  expected: string;
}

export interface QuizState {
  index: number;
  cursor: number;
  /** Picked choices (multiple), or shown-step positions placed so far (order). */
  picked: number[];
  feedback?: QuizFeedback;
  /** Per question: right or wrong, in order; the score. */
  results: boolean[];
}

export type QuizAction =
  | { type: 'move'; delta: number }
  | { type: 'toggle' }
  | { type: 'enter' }
  | { type: 'undo' };

export const initialQuiz: QuizState = { index: 0, cursor: 0, picked: [], results: [] };

const letter = (i: number) => String.fromCharCode(97 + i);

/** How many rows the cursor moves over: choices, snippet lines, or steps not yet placed. */
export function optionCount(question: QuizQuestion, picked: readonly number[]): number {
  switch (question.kind) {
    case 'single':
    case 'multiple':
      return question.choices.length;
    case 'wrong-line':
      return question.snippet.replace(/\n$/, '').split('\n').length;
    case 'order':
      return question.steps.length - picked.length;
  }
}

/** For an order question: the shown positions not placed yet, in shown order. */
export function remainingSteps(question: Extract<QuizQuestion, { kind: 'order' }>, picked: readonly number[]): number[] {
  return shuffledSteps(question.steps).map((_, i) => i).filter((i) => !picked.includes(i));
}

/** Scores an answer. `answer`: a choice index, the set of choices, a 1-based line, or shown positions in the order given. */
export function scoreAnswer(question: QuizQuestion, answer: number | readonly number[]): QuizFeedback {
  switch (question.kind) {
    case 'single': {
      const given = answer as number;
      return { correct: given === question.answer, given: letter(given), expected: letter(question.answer) };
    }
    case 'multiple': {
      const given = [...(answer as number[])].sort((a, b) => a - b);
      const expected = [...question.answers].sort((a, b) => a - b);
      return { correct: given.length === expected.length && given.every((g, i) => g === expected[i]), given: given.map(letter).join(', ') || 'nothing', expected: expected.map(letter).join(', ') };
    }
    case 'wrong-line': {
      const given = answer as number;
      return { correct: given === question.answer, given: `line ${given}`, expected: `line ${question.answer}` };
    }
    case 'order': {
      const shown = shuffledSteps(question.steps);
      const given = answer as number[];
      const right = question.steps.map((_, stepIndex) => shown.findIndex((s) => s.index === stepIndex));
      return { correct: given.length === right.length && given.every((g, i) => g === right[i]), given: given.map(letter).join(', '), expected: right.map(letter).join(', ') };
    }
  }
}

export function quizReducer(questions: readonly QuizQuestion[]) {
  return (state: QuizState, action: QuizAction): QuizState => {
    const question = questions[state.index];
    if (!question) return state;
    if (state.feedback) {
      // After feedback, enter goes on to the next question (or past the last: the score).
      if (action.type !== 'enter') return state;
      return { index: state.index + 1, cursor: 0, picked: [], results: state.results };
    }
    switch (action.type) {
      case 'move': {
        const count = optionCount(question, state.picked);
        return { ...state, cursor: (state.cursor + action.delta + count) % Math.max(1, count) };
      }
      case 'toggle':
        if (question.kind !== 'multiple') return state;
        return { ...state, picked: state.picked.includes(state.cursor) ? state.picked.filter((p) => p !== state.cursor) : [...state.picked, state.cursor] };
      case 'undo':
        return question.kind === 'order' ? { ...state, picked: state.picked.slice(0, -1), cursor: 0 } : state;
      case 'enter': {
        if (question.kind === 'order') {
          const remaining = remainingSteps(question, state.picked);
          const placed = [...state.picked, remaining[state.cursor] ?? remaining[0] ?? 0];
          if (placed.length < question.steps.length) return { ...state, picked: placed, cursor: 0 };
          return answered(state, scoreAnswer(question, placed), placed);
        }
        if (question.kind === 'multiple') {
          // Enter on a select-all question with nothing picked picks the row, as a first press would.
          const picked = state.picked.length === 0 ? [state.cursor] : state.picked;
          return answered(state, scoreAnswer(question, picked), picked);
        }
        return answered(state, scoreAnswer(question, question.kind === 'wrong-line' ? state.cursor + 1 : state.cursor), state.picked);
      }
    }
  };
}

function answered(state: QuizState, feedback: QuizFeedback, picked: number[]): QuizState {
  return { ...state, picked, feedback, results: [...state.results, feedback.correct] };
}

export const quizFinished = (state: QuizState, questions: readonly unknown[]) => state.index >= questions.length;
