/**
 * The course as sequential text, for a screen reader, a pipe, a dumb terminal or `--plain`:
 * the same flows as the TUI (map, lesson, quiz, challenge with checks, hints, diff, reset,
 * skip, next) as prompts and answers, with no cursor movement, colour or animation. It lays
 * content out with the same functions as the TUI screens, so both say the same things.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { Course } from '../../content/loadCourse.js';
import { lessonForItem } from '../../content/course.js';
import { questionLines, shuffledSteps } from '../../content/quizText.js';
import type { Challenge, Lesson } from '../../content/schema.js';
import { courseOutline, outlineEntries, type OutlineEntry } from '../../progress/courseOutline.js';
import { nextStep } from '../../progress/nextStep.js';
import { challengeStatus, recordCheck, recordHintShown, recordLessonOpened, recordQuizAnswer, recordReset, recordSkip, recordSolutionShownEarly, type Progress } from '../../progress/progress.js';
import { progressTotals } from '../../progress/progressReport.js';
import { formatVerdict } from '../../report/checkReport.js';
import { formatSolutionDiffs } from '../../solution/solutionDiff.js';
import { verdictSummary, type RunnerVerdict } from '../../watch/checkRunner.js';
import { createWatchLoop } from '../../watch/watchLoop.js';
import { entryMark, quizLabel } from '../layout/mapLines.js';
import { lessonLines } from '../layout/lessonLines.js';
import { renderMarkdown } from '../markdown/renderMarkdown.js';
import { plainText } from '../markdown/styledText.js';
import type { CoursePorts } from '../ports.js';
import { scoreAnswer } from '../state/quizState.js';

export interface PlainIo {
  input: Readable;
  write: (line: string) => void;
  width: number;
}

type Next = { to: 'map' } | { to: 'entry'; entry: OutlineEntry } | { to: 'quit' };

export async function runPlainCourse(course: Course, ports: CoursePorts, io: PlainIo): Promise<number> {
  const lines: string[] = [];
  let waiting: ((line: string | null) => void) | undefined;
  let closed = false;
  const rl = createInterface({ input: io.input, terminal: false });
  rl.on('line', (line) => (waiting ? (waiting(line), (waiting = undefined)) : lines.push(line)));
  rl.on('close', () => {
    closed = true;
    waiting?.(null);
  });
  const ask = (prompt: string): Promise<string | null> => {
    io.write(prompt);
    if (lines.length > 0) return Promise.resolve(lines.shift() ?? '');
    if (closed) return Promise.resolve(null);
    return new Promise((resolve) => (waiting = resolve));
  };
  const say = (text: string) => io.write(text);
  const entries = outlineEntries(courseOutline(course));
  const read = ports.progress.read();
  let progress: Progress = read.progress;
  if (read.problem) say(read.problem);
  const update = (change: (p: Progress) => Progress) => {
    try {
      const result = ports.progress.update(change);
      progress = result.progress;
      if (result.problem) say(result.problem);
    } catch (error) {
      say(`Progress not saved: ${(error as Error).message}`);
    }
  };
  const nextAfter = (id?: string): Next => {
    const target = nextStep(entries, progress, id);
    return target ? { to: 'entry', entry: target } : { to: 'map' };
  };

  const map = async (): Promise<Next> => {
    const totals = progressTotals(entries, progress);
    say(`shipshape course map: ${totals.challengesPassed} of ${totals.challenges} challenges passed, quiz ${totals.quizCorrect} of ${totals.quizQuestions} right.`);
    let section = '';
    entries.forEach((entry, i) => {
      if (entry.section !== section) {
        section = entry.section;
        say('');
        say(courseOutline(course).find((s) => s.key === section)?.title ?? section);
      }
      const quiz = quizLabel(entry, progress);
      say(`  ${i + 1}. ${entryMark(entry, progress).word}: ${entry.kind} ${entry.id}, ${entry.title}${quiz ? `, ${quiz}` : ''}`);
    });
    const next = nextStep(entries, progress);
    say('');
    if (next) say(`Suggested next: ${next.kind} ${next.id}, ${next.title}.`);
    for (;;) {
      const answer = await ask('Open a step (its number or id), n for the suggested next, / followed by words to search, q to quit: ');
      if (answer === null || answer.trim() === 'q') return { to: 'quit' };
      const text = answer.trim();
      if (text === 'n' && next) return { to: 'entry', entry: next };
      if (text.startsWith('/')) {
        const { searchEntries } = await import('../state/mapSearch.js');
        const found = searchEntries(entries, text.slice(1));
        say(found.length === 0 ? 'Nothing matches.' : found.map((e) => `  ${entries.indexOf(e) + 1}. ${e.kind} ${e.id}, ${e.title}`).join('\n'));
        continue;
      }
      const byNumber = /^\d+$/.test(text) ? entries[Number(text) - 1] : undefined;
      const entry = byNumber ?? entries.find((e) => e.id === text);
      if (entry) return { to: 'entry', entry };
      if (text !== '') say(`No step "${text}".`);
    }
  };

  const lesson = async (entry: Extract<OutlineEntry, { kind: 'lesson' }>): Promise<Next> => {
    update((p) => recordLessonOpened(p, entry.id, ports.now()));
    const practise = course.challenges.filter((c) => c.items.some((item) => entry.lesson.items.includes(item)));
    for (const line of lessonLines(entry.lesson, progress.lessons[entry.id], io.width, practise)) say(plainText(line));
    if (entry.lesson.quiz.length > 0) {
      const answer = await ask('Take the quiz now? y for yes, n for the next step, b for the map, q to quit: ');
      if (answer === null || answer.trim() === 'q') return { to: 'quit' };
      if (answer.trim() === 'y') return quiz(entry.lesson);
      if (answer.trim() === 'b') return { to: 'map' };
      return nextAfter(entry.id);
    }
    const answer = await ask('n for the next step, b for the map, q to quit: ');
    return answer === null || answer.trim() === 'q' ? { to: 'quit' } : answer.trim() === 'b' ? { to: 'map' } : nextAfter(entry.id);
  };

  const quiz = async (l: Lesson): Promise<Next> => {
    let correct = 0;
    for (const [i, question] of l.quiz.entries()) {
      say('');
      for (const line of questionLines(question, i + 1)) say(line);
      const how = question.kind === 'single' ? 'a letter' : question.kind === 'multiple' ? 'every right letter, e.g. a,c' : question.kind === 'wrong-line' ? 'a line number' : `the letters in order, e.g. ${shuffledSteps(question.steps).map((_, j) => String.fromCharCode(97 + j)).join(',')}`;
      const answer = await ask(`Your answer (${how}): `);
      if (answer === null) return { to: 'quit' };
      const letters = answer.toLowerCase().split(/[\s,]+/).filter(Boolean).map((x) => x.charCodeAt(0) - 97);
      const given = question.kind === 'wrong-line' ? Number(answer.trim()) : question.kind === 'single' ? (letters[0] ?? -1) : letters;
      const feedback = scoreAnswer(question, given);
      if (feedback.correct) correct++;
      update((p) => recordQuizAnswer(p, l.id, question.question, feedback.correct, ports.now()));
      say(feedback.correct ? `Right. ${question.explanation}` : `Not quite: you answered ${feedback.given}; the answer is ${feedback.expected}. ${question.explanation}`);
    }
    say('');
    say(`Quiz done: ${correct} of ${l.quiz.length} right.`);
    return nextAfter(l.id);
  };

  const challenge = async (c: Challenge): Promise<Next> => {
    const dir = ports.workspace.ensure(c);
    const lessonFor = (item: string | undefined) => lessonForItem(course, item);
    for (const line of renderMarkdown(`# ${c.title}\n\n${c.task}`, io.width)) say(plainText(line));
    say(`Files to fix, in ${dir}: ${c.files.join(', ')}`);
    let finalVerdict: ((v: RunnerVerdict | undefined) => void) | undefined;
    const loop = createWatchLoop({
      challenge: c, dir, staticOnly: false, runCheck: ports.runCheck,
      onEvent: (event) => {
        if (event.type === 'check-event' && event.event.type === 'build-step') say(`build step ${event.event.step} of ${event.event.total}: ${event.event.instruction}`);
        if (event.type === 'check-event' && event.event.type === 'probe-started') say(`probe ${event.event.index + 1} of ${event.event.total}: ${event.event.title}`);
        if (event.type === 'check-failed') {
          say(`The check could not run: ${event.message}`);
          finalVerdict?.(undefined);
        }
        if (event.type === 'check-finished') {
          const v = event.verdict;
          if (v.parseError) say(`FAIL ${v.parseError.file}:${v.parseError.line}:${v.parseError.column} ${v.parseError.message}`);
          if (v.checks.length > 0) say(formatVerdict(v, lessonFor));
          if (event.final) {
            update((p) => recordCheck(p, c.id, verdictSummary(c, v, event.staticOnly), ports.now()));
            finalVerdict?.(v);
          }
        }
      },
    });
    const checkOnce = () => new Promise<RunnerVerdict | undefined>((resolve) => {
      finalVerdict = resolve;
      say('Checking…');
      loop.checkNow();
    });
    try {
      for (;;) {
        const answer = await ask('c check, w watch (enter stops), h hint, d solution diff, r reset, s skip, n next, b map, q quit: ');
        if (answer === null || answer.trim() === 'q') return { to: 'quit' };
        switch (answer.trim()) {
          case 'c': {
            const verdict = await checkOnce();
            if (verdict?.passed && challengeStatus(progress.challenges[c.id]) === 'passed') say(formatSolutionDiffs(ports.workspace.diff(c)));
            break;
          }
          case 'w': {
            say(`Watching ${c.files.join(', ')}: save to check again; press enter to stop watching.`);
            const close = ports.watchFiles(dir, c.files, () => loop.changed());
            loop.changed();
            const stop = await ask('');
            close();
            if (stop === null) return { to: 'quit' };
            break;
          }
          case 'h': {
            const shown = progress.challenges[c.id]?.hintsShown ?? 0;
            if (c.hints.length === 0) say('No hints for this one.');
            else {
              const n = Math.min(shown + 1, c.hints.length);
              update((p) => recordHintShown(p, c.id, n));
              say(`Hint ${n} of ${c.hints.length}: ${c.hints[n - 1] ?? ''}`);
            }
            break;
          }
          case 'd': {
            if (challengeStatus(progress.challenges[c.id]) !== 'passed') {
              const sure = await ask('Not passed yet. See the solution anyway? Your progress notes it. y or n: ');
              if (sure?.trim() !== 'y') break;
              update((p) => recordSolutionShownEarly(p, c.id, ports.now()));
            }
            say(formatSolutionDiffs(ports.workspace.diff(c)));
            break;
          }
          case 'r': {
            const sure = await ask(`Put the broken ${c.files.join(', ')} back? Yours are kept as .bak. y or n: `);
            if (sure?.trim() === 'y') {
              ports.workspace.reset(c);
              update((p) => recordReset(p, c.id, ports.now()));
              say('Reset.');
            }
            break;
          }
          case 's':
            update((p) => recordSkip(p, c.id, ports.now()));
            return nextAfter(c.id);
          case 'n':
            return nextAfter(c.id);
          case 'b':
            return { to: 'map' };
          default:
            say('Type one of the letters listed.');
        }
      }
    } finally {
      await loop.stop();
    }
  };

  let where: Next = { to: 'map' };
  try {
    while (where.to !== 'quit') {
      if (where.to === 'map') where = await map();
      else {
        const entry: OutlineEntry = where.entry;
        say('');
        where = entry.kind === 'lesson' ? await lesson(entry) : await challenge(entry.challenge);
      }
    }
  } finally {
    rl.close();
    await ports.cleanup('the course was closed');
  }
  return 0;
}
