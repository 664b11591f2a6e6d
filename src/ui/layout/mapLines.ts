/**
 * The course map as lines: sections in order, each entry with its kind, id, title and mark
 * (passed, tried, not started; a lesson's quiz score), the suggested next step flagged and the
 * selected entry highlighted. Pure; the screen windows it, plain mode prints it.
 */
import type { OutlineEntry, OutlineSection } from '../../progress/courseOutline.js';
import { challengeStatus, quizScore, type Progress } from '../../progress/progress.js';
import { span, type StyledLine } from '../markdown/styledText.js';

export interface MapLayout {
  lines: StyledLine[];
  /** The row of each selectable entry, in the order the cursor moves. */
  rows: { entry: OutlineEntry; row: number }[];
}

export function entryMark(entry: OutlineEntry, progress: Progress): { mark: string; word: string; color?: 'green' | 'yellow' } {
  if (entry.kind === 'challenge') {
    const state = progress.challenges[entry.id];
    const status = challengeStatus(state);
    if (status === 'passed') return { mark: '✓', word: 'passed', color: 'green' };
    if (state?.skippedAt && status !== 'in-progress') return { mark: '»', word: 'skipped', color: 'yellow' };
    if (status === 'in-progress') return { mark: '~', word: state?.skippedAt ? 'skipped' : 'tried', color: 'yellow' };
    return { mark: '·', word: 'not started' };
  }
  const lesson = progress.lessons[entry.id];
  const score = quizScore(lesson, entry.lesson.quiz);
  if (lesson?.openedAt && score.answered === score.questions) return { mark: '✓', word: 'done', color: 'green' };
  if (lesson?.openedAt) return { mark: '~', word: 'opened', color: 'yellow' };
  return { mark: '·', word: 'not started' };
}

export function quizLabel(entry: OutlineEntry, progress: Progress): string {
  if (entry.kind !== 'lesson' || entry.lesson.quiz.length === 0) return '';
  const score = quizScore(progress.lessons[entry.id], entry.lesson.quiz);
  return score.answered === 0 ? '' : `quiz ${score.correct}/${score.questions}`;
}

export function mapLines(sections: readonly OutlineSection[], visible: ReadonlySet<string> | undefined, progress: Progress, selectedId: string | undefined, nextId: string | undefined, width: number): MapLayout {
  const lines: StyledLine[] = [];
  const rows: MapLayout['rows'] = [];
  for (const section of sections) {
    const entries = section.entries.filter((entry) => visible === undefined || visible.has(`${entry.kind}:${entry.id}`));
    if (entries.length === 0) continue;
    lines.push([span(section.title, { bold: true, color: 'cyan' })]);
    for (const entry of entries) {
      const { mark, color } = entryMark(entry, progress);
      const selected = entry.id === selectedId;
      const isNext = entry.id === nextId;
      const kind = entry.kind === 'lesson' ? 'lesson   ' : 'challenge';
      const quiz = quizLabel(entry, progress);
      const tail = `${quiz ? `  ${quiz}` : ''}${isNext ? '  ◀ next' : ''}`;
      // The title gives way first at narrow widths; mark, kind and id always show.
      const head = `${selected ? '›' : ' '} ${mark} ${kind} `;
      const room = Math.max(8, width - head.length - tail.length);
      const id = ` (${entry.id})`;
      const titleRoom = Math.max(4, room - id.length);
      const shown = `${entry.title.length > titleRoom ? `${entry.title.slice(0, titleRoom - 1)}…` : entry.title}${id}`;
      rows.push({ entry, row: lines.length });
      lines.push([
        span(head.slice(0, 2), { inverse: selected }),
        span(mark, { color, inverse: selected }),
        span(` ${kind} `, { dim: !selected, inverse: selected }),
        span(shown, { inverse: selected, bold: isNext }),
        span(tail, { color: isNext ? 'magenta' : undefined, dim: !isNext }),
      ]);
    }
    lines.push([]);
  }
  if (rows.length === 0) lines.push([span('Nothing matches; esc clears the search.', { dim: true })]);
  return { lines, rows };
}
