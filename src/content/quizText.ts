/**
 * A quiz question as plain lines, for `shipshape lesson` and any screen that shows a quiz
 * without taking answers. Pure: the question in, lines out.
 */
import type { QuizQuestion } from './schema.js';

const letter = (index: number) => String.fromCharCode(97 + index);

/** The lines that ask the question (choices lettered, snippets numbered, steps lettered). */
export function questionLines(question: QuizQuestion, number: number): string[] {
  const lines = [`${number}. ${question.question}`];
  switch (question.kind) {
    case 'single':
    case 'multiple':
      if (question.kind === 'multiple') lines.push('   (select all that apply)');
      question.choices.forEach((choice, i) => lines.push(`   ${letter(i)}) ${choice}`));
      break;
    case 'wrong-line':
      question.snippet.replace(/\n$/, '').split('\n').forEach((line, i) => lines.push(`   ${String(i + 1).padStart(2)} | ${line}`));
      break;
    case 'order':
      shuffledSteps(question.steps).forEach(({ step }, i) => lines.push(`   ${letter(i)}) ${step}`));
      break;
  }
  return lines;
}

/** The answer line shown by `--answers`. */
export function answerLine(question: QuizQuestion): string {
  switch (question.kind) {
    case 'single':
      return `answer: ${letter(question.answer)}. ${question.explanation}`;
    case 'multiple':
      return `answers: ${[...question.answers].sort((a, b) => a - b).map(letter).join(', ')}. ${question.explanation}`;
    case 'wrong-line':
      return `answer: line ${question.answer}. ${question.explanation}`;
    case 'order': {
      const shown = shuffledSteps(question.steps);
      const order = question.steps.map((_, right) => letter(shown.findIndex((s) => s.index === right)));
      return `order: ${order.join(', ')}. ${question.explanation}`;
    }
  }
}

/**
 * The steps of an order question in the order they are shown: a fixed rotation-and-reverse of
 * the right order, so the display is the same every time (tests and printed copies agree) and
 * never the answer itself.
 */
export function shuffledSteps(steps: readonly string[]): { step: string; index: number }[] {
  const indexed = steps.map((step, index) => ({ step, index }));
  const shift = Math.max(1, Math.floor(steps.length / 2));
  const rotated = [...indexed.slice(shift), ...indexed.slice(0, shift)];
  return rotated.reverse();
}
