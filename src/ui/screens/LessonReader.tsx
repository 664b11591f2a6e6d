/** A lesson to read: Markdown laid out for the terminal width (again at once on resize), scrolling, t for its quiz. */
import { useInput } from 'ink';
import { useMemo, useState } from 'react';
import type { Lesson } from '../../content/schema.js';
import type { LessonProgress } from '../../progress/progress.js';
import { Frame, frameRows } from '../components/Frame.js';
import { StyledLines } from '../components/StyledLines.js';
import { commandFor } from '../keys/keyTable.js';
import { lessonLines } from '../layout/lessonLines.js';
import { scrollBy } from '../state/scrolling.js';

interface Props {
  lesson: Lesson;
  state: LessonProgress | undefined;
  practise: readonly { id: string; title: string }[];
  size: { columns: number; rows: number };
  color: boolean;
  status?: string;
  inputActive: boolean;
  takeQuiz: () => void;
  next: () => void;
}

export function LessonReader({ lesson, state, practise, size, color, status, inputActive, takeQuiz, next }: Props) {
  const width = size.columns;
  const lines = useMemo(() => lessonLines(lesson, state, width, practise), [lesson, state, width, practise]);
  const body = Math.max(3, size.rows - frameRows('lesson', width));
  const [scroll, setScroll] = useState(0);
  const top = scrollBy(scroll, 0, lines.length, body);
  useInput(
    (input, key) => {
      const move = (delta: number) => setScroll(scrollBy(top, delta, lines.length, body));
      switch (commandFor(input, key, 'lesson')) {
        case 'down': return move(1);
        case 'up': return move(-1);
        case 'pageDown': return move(body - 1);
        case 'pageUp': return move(1 - body);
        case 'top': return setScroll(0);
        case 'bottom': return move(lines.length);
        case 'takeQuiz': return lesson.quiz.length > 0 ? takeQuiz() : undefined;
        case 'next': return next();
        default: return undefined;
      }
    },
    { isActive: inputActive },
  );
  const position = lines.length > body ? ` · ${Math.round(((top + body) / lines.length) * 100)}%` : '';
  return (
    <Frame title={`Lesson · ${lesson.id}${position}`} scope="lesson" status={status} color={color} width={width}>
      <StyledLines lines={lines.slice(top, top + body)} color={color} />
    </Frame>
  );
}
