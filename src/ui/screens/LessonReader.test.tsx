import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import type { Lesson } from '../../content/schema.js';
import { tick, until } from '../testing/fakePorts.js';
import { LessonReader } from './LessonReader.js';

vi.setConfig({ testTimeout: 20_000 });

const lesson: Lesson = {
  id: 'runtime-demo', title: 'Run as a user', items: ['runtime.non-root'], order: 401, references: [], source: 'lessons/04-runtime/01-demo.md',
  quiz: [{ kind: 'single', question: 'Q?', choices: ['a', 'b'], answer: 0, explanation: 'e' }],
  body: ['## Why it matters', '', 'Root in a container is **uid 0** to the kernel; see [the docs](https://docs.docker.com/).', '', '```dockerfile', 'FROM busybox:1.36.1', 'USER 10001', '```', '', '| Setting | Effect |', '|---|---|', '| USER 10001 | the process runs as an unprivileged user that owns nothing on the host |', '', ...Array.from({ length: 40 }, (_, i) => `Paragraph ${i + 1}.`).flatMap((p) => [p, ''])].join('\n'),
};

const renderAt = (columns: number, extra: Partial<Parameters<typeof LessonReader>[0]> = {}) =>
  render(<LessonReader lesson={lesson} state={undefined} practise={[{ id: 'non-root-dockerfile', title: 'Stop running as root' }]} size={{ columns, rows: 24 }} color={false} inputActive takeQuiz={() => undefined} next={() => undefined} {...extra} />);

describe('LessonReader', () => {
  it('renders headings, emphasis, code with line numbers, tables and links as text', () => {
    const { lastFrame, unmount } = renderAt(100);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Why it matters');
    expect(frame).not.toContain('##');
    expect(frame).toContain('Root in a container is uid 0 to the kernel; see the docs (https://docs.docker.com/).');
    expect(frame).toContain('1 │ FROM busybox:1.36.1');
    expect(frame).toMatch(/Setting\s+│ Effect/);
    unmount();
  });

  it('lays out again for a narrower terminal, nothing wider than 60 columns', () => {
    const { lastFrame, rerender, unmount } = renderAt(100);
    rerender(<LessonReader lesson={lesson} state={undefined} practise={[]} size={{ columns: 60, rows: 24 }} color={false} inputActive takeQuiz={() => undefined} next={() => undefined} />);
    for (const line of (lastFrame() ?? '').split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(lastFrame()).toContain('unprivileged');
    unmount();
  });

  it('scrolls with space and opens the quiz with t', async () => {
    const quiz = vi.fn();
    const { lastFrame, stdin, unmount } = renderAt(80, { takeQuiz: quiz });
    await tick();
    stdin.write('G');
    const end = await until(lastFrame, (t) => t.includes('Press t to take it'));
    expect(end).toContain('Stop running as root');
    expect(end).not.toContain('Why it matters');
    stdin.write('t');
    await until(() => String(quiz.mock.calls.length), (t) => t === '1');
    expect(quiz).toHaveBeenCalledOnce();
    unmount();
  });
});
