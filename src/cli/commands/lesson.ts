/** `shipshape lesson <id> [--answers]`: a lesson as plain text, for reading outside the TUI. */
import { lessonForItem } from '../../content/course.js';
import { answerLine, questionLines } from '../../content/quizText.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { renderMarkdown } from '../../ui/markdown/renderMarkdown.js';
import type { Span } from '../../ui/markdown/styledText.js';
import { cliCourse } from '../course.js';

/** Answers stay hidden unless asked for: the quiz is for answering, in the TUI or on paper. */
export async function lessonCommand(id: string, io: Io, options: { answers: boolean } = { answers: false }): Promise<number> {
  const course = (await cliCourse());
  // A curriculum item id (`runtime.non-root`, as lint prints it) finds the lesson that teaches it.
  const lesson = course.lessons.find((candidate) => candidate.id === id) ?? lessonForItem(course, id);
  if (!lesson) {
    throw new UsageError(`no lesson "${id}"; the lessons are: ${course.lessons.map((l) => l.id).join(', ')}`, 'lesson');
  }
  io.out(style.bold(lesson.title));
  io.out(style.dim(`teaches ${lesson.items.join(', ')}`));
  io.out('');
  // The same layout as the TUI's reader: Markdown rendered and wrapped, not printed raw.
  const width = Math.max(40, Math.min(100, process.stdout.columns || 80));
  for (const line of renderMarkdown(lesson.body, width)) io.out(line.map(styledSpan).join(''));
  if (lesson.quiz.length > 0) {
    io.out('');
    io.out(style.bold('Quiz'));
    lesson.quiz.forEach((question, index) => {
      for (const line of questionLines(question, index + 1)) io.out(line);
      if (options.answers) io.out(style.dim(`   ${answerLine(question)}`));
    });
    if (!options.answers) io.out(style.dim(`(answers: shipshape lesson ${lesson.id} --answers, or answer them in \`shipshape\`)`));
  }
  const challenges = course.challenges.filter((c) => c.items.some((item) => lesson.items.includes(item)));
  if (challenges.length > 0) {
    io.out('');
    io.out(style.bold('Practise it:'));
    for (const challenge of challenges) io.out(`  shipshape check ${challenge.id}   ${challenge.title}`);
  }
  return 0;
}

function styledSpan(span: Span): string {
  if (span.bold) return style.bold(span.text);
  if (span.dim || span.color === 'gray') return style.dim(span.text);
  if (span.color === 'cyan') return style.cyan(span.text);
  if (span.color === 'yellow') return style.yellow(span.text);
  return span.text;
}
