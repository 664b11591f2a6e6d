/**
 * One quiz question laid out with the learner's cursor and picks, and the feedback once it is
 * answered (right or wrong, the right answer, the explanation, and each choice's own note
 * where the lesson gives them). All four kinds. Pure.
 */
import { shuffledSteps } from '../../content/quizText.js';
import type { QuizQuestion } from '../../content/schema.js';
import { span, wrapSpans, type StyledLine } from '../markdown/styledText.js';
import { remainingSteps, type QuizState } from '../state/quizState.js';

const letter = (i: number) => String.fromCharCode(97 + i);

export function quizInstructions(question: QuizQuestion): string {
  switch (question.kind) {
    case 'single': return 'Pick one: ↑/↓ then enter.';
    case 'multiple': return 'Select all that apply: ↑/↓, space to select, enter to answer.';
    case 'wrong-line': return 'Which line is wrong? ↑/↓ to the line, then enter.';
    case 'order': return 'Put the steps in order: pick the first step with enter, then the next (backspace takes one back).';
  }
}

export function quizLines(questions: readonly QuizQuestion[], state: QuizState, width: number): StyledLine[] {
  const question = questions[state.index];
  if (!question) {
    const correct = state.results.filter(Boolean).length;
    return [
      [span(`Quiz done: ${correct} of ${questions.length} right.`, { bold: true })],
      [],
      ...wrapSpans([span('Your first answer to each question is the one kept in your progress. esc goes back to the lesson, n to the next step.')], width),
    ];
  }
  const lines: StyledLine[] = [
    [span(`Question ${state.index + 1} of ${questions.length}`, { dim: true })],
    ...wrapSpans([span(question.question, { bold: true })], width),
    ...wrapSpans([span(quizInstructions(question), { dim: true })], width),
    [],
  ];
  const answered = state.feedback !== undefined;
  const row = (i: number, text: string, picked: boolean, note?: { right: boolean }) => {
    const pointer = !answered && i === state.cursor ? '›' : ' ';
    const box = question.kind === 'multiple' ? (picked ? '[x] ' : '[ ] ') : '';
    const mark = note === undefined ? '' : note.right ? ' ✓' : ' ✗';
    return wrapSpans([span(`${pointer} ${box}`), span(text, { inverse: !answered && i === state.cursor, color: note === undefined ? undefined : note.right ? 'green' : 'red' }), span(mark, { color: note?.right ? 'green' : 'red' })], width, '      ');
  };
  switch (question.kind) {
    case 'single':
    case 'multiple': {
      const right = question.kind === 'single' ? [question.answer] : question.answers;
      question.choices.forEach((choice, i) => {
        const picked = question.kind === 'multiple' ? state.picked.includes(i) : answered && i === state.cursor;
        const note = answered && (right.includes(i) || picked) ? { right: right.includes(i) } : undefined;
        lines.push(...row(i, `${letter(i)}) ${choice}`, picked, note));
        const why = question.choiceExplanations?.[i];
        if (answered && why && (picked || right.includes(i))) lines.push(...wrapSpans([span(`      ${why}`, { dim: true })], width, '      '));
      });
      break;
    }
    case 'wrong-line': {
      const snippet = question.snippet.replace(/\n$/, '').split('\n');
      const gutter = String(snippet.length).length;
      snippet.forEach((text, i) => {
        const note = answered && (i + 1 === question.answer || i === state.cursor) ? { right: i + 1 === question.answer } : undefined;
        lines.push(...row(i, `${String(i + 1).padStart(gutter)} │ ${text}`, false, note));
      });
      break;
    }
    case 'order': {
      const shown = shuffledSteps(question.steps);
      if (state.picked.length > 0) {
        lines.push([span('Your order so far:', { dim: true })]);
        state.picked.forEach((p, n) => lines.push(...wrapSpans([span(`  ${n + 1}. ${letter(p)}) ${shown[p]?.step ?? ''}`)], width, '      ')));
        lines.push([]);
      }
      if (!answered) {
        lines.push([span(state.picked.length === 0 ? 'Which comes first?' : 'Which comes next?', { dim: true })]);
        remainingSteps(question, state.picked).forEach((p, i) => lines.push(...row(i, `${letter(p)}) ${shown[p]?.step ?? ''}`, false)));
      }
      break;
    }
  }
  if (state.feedback) {
    const { correct, given, expected } = state.feedback;
    lines.push([]);
    lines.push(...wrapSpans(correct ? [span('Right. ', { bold: true, color: 'green' })] : [span('Not quite. ', { bold: true, color: 'red' }), span(`You answered ${given}; the answer is ${expected}.`)], width));
    lines.push(...wrapSpans([span(question.explanation)], width));
    lines.push([], [span(state.index + 1 < questions.length ? 'enter: next question' : 'enter: see your score', { dim: true })]);
  }
  return lines;
}
