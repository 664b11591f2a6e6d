import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../content/schema.js';
import { keys, tick, until } from '../testing/fakePorts.js';
import { QuizScreen } from './QuizScreen.js';

vi.setConfig({ testTimeout: 20_000 });

const lesson: Lesson = {
  id: 'l', title: 'Four kinds', items: ['runtime.non-root'], order: 1, references: [], body: '', source: 'lessons/04-runtime/01-x.md',
  quiz: [
    { kind: 'single', question: 'Which user?', choices: ['root', 'a numeric uid'], answer: 1, explanation: 'A numeric uid is checkable.', choiceExplanations: ['root is uid 0 on the host kernel.', 'The kernel sees a number.'] },
    { kind: 'multiple', question: 'Which drop privileges?', choices: ['cap_drop: [ALL]', 'privileged: true', 'no-new-privileges'], answers: [0, 2], explanation: 'Both narrow what the process can do.' },
    { kind: 'wrong-line', question: 'Which line is wrong?', snippet: 'FROM busybox:1.36.1\nUSER root\nCMD ["httpd"]\n', answer: 2, explanation: 'USER root runs as uid 0.' },
    { kind: 'order', question: 'Order the build', steps: ['FROM', 'COPY', 'USER'], explanation: 'Base, files, then drop root.' },
  ],
};

const size = { columns: 80, rows: 30 };

async function press(stdin: { write: (s: string) => void }, ...sequence: string[]) {
  for (const key of sequence) {
    stdin.write(key);
    await tick();
    await tick();
  }
}

describe('QuizScreen', () => {
  it('answers all four kinds with the keys, explains each, and scores', async () => {
    const answers: [string, boolean][] = [];
    const { lastFrame, stdin, unmount } = render(<QuizScreen lesson={lesson} size={size} color={false} inputActive onAnswer={(q, c) => answers.push([q, c])} next={() => undefined} />);
    await tick();
    // single: a wrong pick, with that choice's own explanation.
    await press(stdin, keys.enter);
    let frame = await until(lastFrame, (t) => t.includes('Not quite.'));
    expect(frame).toContain('You answered a; the answer is b.');
    expect(frame).toContain('root is uid 0 on the host kernel.');
    // multiple: select a and c with space.
    await press(stdin, keys.enter, ' ', keys.down, keys.down, ' ', keys.enter);
    frame = await until(lastFrame, (t) => t.includes('Question 2') && t.includes('Right.'));
    expect(frame).toContain('[x] a) cap_drop: [ALL]');
    // wrong-line: line 2.
    await press(stdin, keys.enter, keys.down, keys.enter);
    frame = await until(lastFrame, (t) => t.includes('Question 3') && t.includes('Right.'));
    expect(frame).toContain('2 │ USER root');
    // order: pick FROM, COPY, USER from the shuffled list by their text.
    await press(stdin, keys.enter);
    for (const step of ['FROM', 'COPY', 'USER']) {
      const shown = (await until(lastFrame, (t) => t.includes('Which comes'))).split('\n').filter((l) => /^[ ›] +[a-c]\) /.test(l));
      const at = shown.findIndex((l) => l.endsWith(step));
      await press(stdin, ...Array<string>(at).fill(keys.down), keys.enter);
    }
    frame = await until(lastFrame, (t) => t.includes('Question 4') && t.includes('Right.'));
    expect(frame).toContain('Base, files, then drop root.');
    await press(stdin, keys.enter);
    expect(await until(lastFrame, (t) => t.includes('Quiz done'))).toContain('Quiz done: 3 of 4 right.');
    expect(answers).toEqual([['Which user?', false], ['Which drop privileges?', true], ['Which line is wrong?', true], ['Order the build', true]]);
    unmount();
  });

  it('takes back a placed step with backspace', async () => {
    const only = { ...lesson, quiz: [lesson.quiz[3]!] };
    const { lastFrame, stdin, unmount } = render(<QuizScreen lesson={only} size={size} color={false} inputActive onAnswer={() => undefined} next={() => undefined} />);
    await tick();
    await press(stdin, keys.enter);
    expect(await until(lastFrame, (t) => t.includes('Your order so far'))).toContain('1. ');
    await press(stdin, keys.backspace);
    expect(await until(lastFrame, (t) => !t.includes('Your order so far'))).toContain('Which comes first?');
    unmount();
  });
});
