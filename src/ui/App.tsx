/**
 * The interactive course: lessons and challenges in course order; a lesson to read (scrolling),
 * or a challenge's task, files and hints with the command that checks it. Key bindings live in
 * one table so the help line and the tests read the same source; state lives in a reducer
 * (navigation.ts) tested on its own.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useReducer } from 'react';
import type { Course } from '../content/loadCourse.js';
import { questionLines } from '../content/quizText.js';
import { initialNavigation, navigate, wrapLines } from './navigation.js';
import { reflowMarkdown } from './reflowMarkdown.js';

export const keyBindings = [
  { keys: '↑/↓ or k/j', action: 'move' },
  { keys: 'space/b', action: 'page' },
  { keys: 'enter', action: 'open' },
  { keys: 'h', action: 'hint' },
  { keys: 'esc', action: 'back' },
  { keys: 'q', action: 'quit' },
] as const;

type Entry = { kind: 'lesson' | 'challenge'; id: string; title: string };

export function App({ course }: { course: Course }) {
  const { exit } = useApp();
  const { stdout } = useStdout();
  const entries: Entry[] = [
    ...course.lessons.map((l) => ({ kind: 'lesson' as const, id: l.id, title: l.title })),
    ...course.challenges.map((c) => ({ kind: 'challenge' as const, id: c.id, title: c.title })),
  ];
  const [state, dispatch] = useReducer(navigate, initialNavigation);
  // Header, margins and the help line take six rows; the rest scrolls.
  const rows = Math.max(5, (stdout.rows || 24) - 6);
  const width = Math.max(40, (stdout.columns || 80) - 4);
  const entry = entries[state.cursor];
  const challenge = entry?.kind === 'challenge' ? course.challenges.find((c) => c.id === entry.id) : undefined;
  const lines = state.screen === 'detail' && entry ? detailLines(course, entry, state.hintsShown, width) : [];

  useInput((input, key) => {
    const step = key.upArrow ? -1 : key.downArrow ? 1 : /^[jk]+$/.test(input) ? [...input].reduce((sum, ch) => sum + (ch === 'j' ? 1 : -1), 0) : 0;
    if (input === 'q') exit();
    else if (key.escape) dispatch({ type: 'back' });
    else if (key.return) dispatch({ type: 'open' });
    else if (input === 'h') dispatch({ type: 'hint', available: challenge?.hints.length ?? 0 });
    else if (state.screen === 'detail' && (input === ' ' || input === 'b')) dispatch({ type: 'scroll', delta: input === ' ' ? rows - 1 : 1 - rows, lines: lines.length, rows });
    // Keys typed quickly can arrive as one chunk ("jjj"): each one counts.
    else if (step !== 0 && state.screen === 'menu') dispatch({ type: 'move', delta: step, entries: entries.length });
    else if (step !== 0) dispatch({ type: 'scroll', delta: step, lines: lines.length, rows });
  });

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color="cyan">shipshape: container security, hands on</Text>
      {state.screen === 'detail' ? <Detail lines={lines} scroll={state.scroll} rows={rows} /> : <Menu entries={entries} cursor={state.cursor} rows={rows} />}
      <Text dimColor>{keyBindings.map((b) => `${b.keys} ${b.action}`).join(' · ')}</Text>
    </Box>
  );
}

function Menu({ entries, cursor, rows }: { entries: Entry[]; cursor: number; rows: number }) {
  const first = Math.min(Math.max(0, cursor - Math.floor(rows / 2)), Math.max(0, entries.length - rows));
  return (
    <Box flexDirection="column" marginY={1}>
      {entries.slice(first, first + rows).map((entry, offset) => (
        <Text key={`${entry.kind}:${entry.id}`} inverse={first + offset === cursor}>
          {entry.kind === 'lesson' ? 'lesson    ' : 'challenge '} {entry.title}
        </Text>
      ))}
    </Box>
  );
}

function Detail({ lines, scroll, rows }: { lines: string[]; scroll: number; rows: number }) {
  const visible = lines.slice(scroll, scroll + rows);
  const more = lines.length > rows ? ` (lines ${scroll + 1}-${scroll + visible.length} of ${lines.length})` : '';
  return (
    <Box flexDirection="column" marginY={1}>
      {visible.map((line, index) => (
        <Text key={scroll + index}>{line === '' ? ' ' : line}</Text>
      ))}
      {more ? <Text dimColor>{more}</Text> : null}
    </Box>
  );
}

/** The open entry as plain lines, wrapped to the terminal: what the Detail view scrolls. */
function detailLines(course: Course, entry: Entry, hintsShown: number, width: number): string[] {
  if (entry.kind === 'lesson') {
    const lesson = course.lessons.find((l) => l.id === entry.id);
    if (!lesson) return [];
    const quiz = lesson.quiz.flatMap((q, i) => ['', ...questionLines(q, i + 1)]);
    return wrapLines([lesson.title.toUpperCase(), '', reflowMarkdown(lesson.body), '', 'Quiz (answers: shipshape lesson ' + lesson.id + ')', ...quiz].join('\n'), width);
  }
  const challenge = course.challenges.find((c) => c.id === entry.id);
  if (!challenge) return [];
  const hints = challenge.hints.slice(0, hintsShown).flatMap((hint, i) => ['', `Hint ${i + 1}:`, hint]);
  const more = hintsShown < challenge.hints.length ? [`(press h for hint ${hintsShown + 1} of ${challenge.hints.length})`] : [];
  return wrapLines(
    [
      challenge.title.toUpperCase(),
      '',
      challenge.task.trim(),
      '',
      `Files to fix: ${challenge.files.join(', ')}`,
      'Your copy is created the first time you check it; check it with:',
      `  shipshape check ${challenge.id}`,
      ...hints,
      '',
      ...more,
    ].join('\n'),
    width,
  );
}
