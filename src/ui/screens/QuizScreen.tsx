/** A lesson's quiz, one question at a time: pick with the keys, feedback and explanation at once, the score at the end. */
import { useInput } from 'ink';
import { useReducer, useRef } from 'react';
import type { Lesson } from '../../content/schema.js';
import { Frame, frameRows } from '../components/Frame.js';
import { StyledLines } from '../components/StyledLines.js';
import { commandFor } from '../keys/keyTable.js';
import { quizLines } from '../layout/quizLines.js';
import { initialQuiz, quizReducer, type QuizAction } from '../state/quizState.js';

interface Props {
  lesson: Lesson;
  size: { columns: number; rows: number };
  color: boolean;
  status?: string;
  inputActive: boolean;
  /** Called once per question, when it is answered. */
  onAnswer: (question: string, correct: boolean) => void;
  next: () => void;
}

export function QuizScreen({ lesson, size, color, status, inputActive, onAnswer, next }: Props) {
  const reducer = useRef(quizReducer(lesson.quiz)).current;
  const [state, dispatch] = useReducer(reducer, initialQuiz);
  const width = size.columns;
  const body = Math.max(3, size.rows - frameRows('quiz', width));
  useInput(
    (input, key) => {
      const command = commandFor(input, key, 'quiz');
      let action: QuizAction | undefined;
      if (command === 'up') action = { type: 'move', delta: -1 };
      else if (command === 'down') action = { type: 'move', delta: 1 };
      else if (command === 'toggle') action = { type: 'toggle' };
      else if (command === 'undo') action = { type: 'undo' };
      else if (command === 'open') action = { type: 'enter' };
      else if (command === 'next' && state.index >= lesson.quiz.length) return next();
      if (!action) return;
      const after = reducer(state, action);
      const question = lesson.quiz[state.index];
      if (!state.feedback && after.feedback && question) onAnswer(question.question, after.feedback.correct);
      dispatch(action);
    },
    { isActive: inputActive },
  );
  const lines = quizLines(lesson.quiz, state, width);
  return (
    <Frame title={`Quiz · ${lesson.title}`} scope="quiz" status={status} color={color} width={width}>
      {/* The question stays on top; with feedback that does not fit, the feedback wins. */}
      <StyledLines lines={state.feedback ? lines.slice(Math.max(0, lines.length - body)) : lines.slice(0, body)} color={color} />
    </Frame>
  );
}
