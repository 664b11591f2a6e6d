/**
 * The first screen of the interactive course: the lessons and challenges in course order, a
 * lesson's text, and where to find a challenge's files. Key bindings live in one table so the
 * help line and the tests read the same source.
 */
import { Box, Text, useApp, useInput } from 'ink';
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

  useInput((input, key) => {
    if (input === 'q') exit();
    else if (key.escape) setOpen(undefined);
    else if (open) return;
    else if (key.upArrow || input === 'k') setCursor((c) => Math.max(0, c - 1));
    else if (key.downArrow || input === 'j') setCursor((c) => Math.min(entries.length - 1, c + 1));
    else if (key.return) setOpen(entries[cursor]);
  });

  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold color="cyan">shipshape: container security, hands on</Text>
      {open ? <Detail course={course} entry={open} /> : <Menu entries={entries} cursor={cursor} />}
      <Text dimColor>{keyBindings.map((b) => `${b.keys} ${b.action}`).join(' · ')}</Text>
    </Box>
  );
}

function Menu({ entries, cursor }: { entries: Entry[]; cursor: number }) {
  return (
    <Box flexDirection="column" marginY={1}>
      {entries.map((entry, index) => (
        <Text key={`${entry.kind}:${entry.id}`} inverse={index === cursor}>
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
