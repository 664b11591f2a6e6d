/**
 * The first screen of the interactive course: the lessons and challenges in course order, a
 * lesson's text, and where to find a challenge's files. Key bindings live in one table so the
 * help line and the tests read the same source.
 */
import { Box, Text, useApp, useInput, useStdout } from 'ink';
import { useState } from 'react';
import type { Course } from '../content/loadCourse.js';

export const keyBindings = [
  { keys: '↑/↓ or k/j', action: 'move' },
  { keys: 'enter', action: 'open' },
  { keys: 'esc', action: 'back' },
  { keys: 'q', action: 'quit' },
] as const;

type Entry = { kind: 'lesson' | 'challenge'; id: string; title: string };

export function App({ course }: { course: Course }) {
  const { exit } = useApp();
  const entries: Entry[] = [
    ...course.lessons.map((l) => ({ kind: 'lesson' as const, id: l.id, title: l.title })),
    ...course.challenges.map((c) => ({ kind: 'challenge' as const, id: c.id, title: c.title })),
  ];
  const [cursor, setCursor] = useState(0);
  const [open, setOpen] = useState<Entry | undefined>(undefined);

  const { stdout } = useStdout();
  // Header, margins and the help line take about six rows; the menu scrolls within the rest.
  const visibleRows = Math.max(5, (stdout.rows || 24) - 6);

  useInput((input, key) => {
    if (input === 'q') exit();
    else if (key.escape) setOpen(undefined);
    else if (open) return;
    else if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
    else if (key.downArrow) setCursor((c) => Math.min(entries.length - 1, c + 1));
    else if (key.return) setOpen(entries[cursor]);
    else if (/^[jk]+$/.test(input)) {
      // Keys typed quickly can arrive as one chunk ("jjj"): each one counts.
      const delta = [...input].reduce((sum, ch) => sum + (ch === 'j' ? 1 : -1), 0);
      setCursor((c) => Math.min(entries.length - 1, Math.max(0, c + delta)));
    }
  });

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color="cyan">shipshape: container security, hands on</Text>
      {open ? <Detail course={course} entry={open} /> : <Menu entries={entries} cursor={cursor} rows={visibleRows} />}
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

function Detail({ course, entry }: { course: Course; entry: Entry }) {
  if (entry.kind === 'lesson') {
    const lesson = course.lessons.find((l) => l.id === entry.id);
    return (
      <Box flexDirection="column" marginY={1}>
        <Text bold>{lesson?.title}</Text>
        <Text>{lesson?.body}</Text>
      </Box>
    );
  }
  const challenge = course.challenges.find((c) => c.id === entry.id);
  return (
    <Box flexDirection="column" marginY={1}>
      <Text bold>{challenge?.title}</Text>
      <Text>{challenge?.task}</Text>
      <Text> </Text>
      <Text>Edit your copy, then run: shipshape check {challenge?.id}</Text>
    </Box>
  );
}
