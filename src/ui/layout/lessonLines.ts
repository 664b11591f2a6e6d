/** A lesson laid out for reading: title, what it teaches, the rendered Markdown, then the way to its quiz. */
import type { Lesson } from '../../content/schema.js';
import { quizScore, type LessonProgress } from '../../progress/progress.js';
import { renderMarkdown } from '../markdown/renderMarkdown.js';
import { span, wrapSpans, type StyledLine } from '../markdown/styledText.js';

export function lessonLines(lesson: Lesson, state: LessonProgress | undefined, width: number, practise: readonly { id: string; title: string }[]): StyledLine[] {
  const score = quizScore(state, lesson.quiz);
  const lines: StyledLine[] = [
    ...wrapSpans([span(lesson.title, { bold: true })], width),
    ...wrapSpans([span(`teaches ${lesson.items.join(', ')}`, { dim: true })], width),
    [],
    ...renderMarkdown(lesson.body, width),
    [],
  ];
  if (lesson.quiz.length > 0) {
    const status = score.answered === 0 ? `${lesson.quiz.length} questions` : `your score: ${score.correct} of ${score.questions}${score.answered < score.questions ? `, ${score.questions - score.answered} unanswered` : ''}`;
    lines.push(...wrapSpans([span('Quiz: ', { bold: true }), span(`${status}. Press t to take it.`)], width));
  }
  if (practise.length > 0) {
    lines.push([], [span('Practise it:', { bold: true })]);
    for (const challenge of practise) lines.push(...wrapSpans([span(`  ${challenge.title} `), span(`(${challenge.id})`, { dim: true })], width, '    '));
  }
  return lines;
}
