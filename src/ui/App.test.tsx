import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../content/loadCourse.js';
import { App, keyBindings } from './App.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

/** Waits until the frame satisfies `ready`, instead of guessing how long a render takes. */
async function until(frame: () => string | undefined, ready: (text: string) => boolean): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const text = frame() ?? '';
    if (ready(text)) return text;
    await tick();
  }
  return frame() ?? '';
}

describe('App', () => {
  const course = loadCourse();

  it('reveals a challenge hint with h', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} />);
    const firstChallenge = course.challenges[0];
    await tick();
    stdin.write('j'.repeat(course.lessons.length));
    await until(lastFrame, (text) => text.includes(firstChallenge?.title ?? '?'));
    stdin.write('\r');
    await until(lastFrame, (text) => text.includes('press h for hint 1'));
    stdin.write('h');
    expect(await until(lastFrame, (text) => text.includes('Hint 1:'))).toContain('Hint 1:');
    unmount();
  });

  it('moves once per key even when keys arrive in one chunk', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} />);
    await tick();
    stdin.write('jjj');
    const frame = await until(lastFrame, (text) => text.includes(course.lessons[3]?.title ?? '?'));
    const selected = frame.split('\n').find((line) => line.includes(course.lessons[3]?.title ?? '?'));
    expect(selected).toBeDefined();
    unmount();
  });

  it('lists lessons and challenges with the key help', () => {
    const { lastFrame, unmount } = render(<App course={course} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain(course.lessons[0]?.title);
    expect(frame).toContain('shipshape: container security');
    for (const binding of keyBindings) expect(frame).toContain(binding.action);
    unmount();
  });

  it('opens a challenge with enter and goes back with escape', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} />);
    await tick();
    const firstChallenge = course.challenges[0];
    for (let i = 0; i < course.lessons.length; i++) {
      stdin.write('j');
      await tick();
    }
    // The menu scrolls: the first challenge is now on screen and selected.
    expect(await until(lastFrame, (text) => text.includes(firstChallenge?.title ?? '?'))).toContain(firstChallenge?.title);
    stdin.write('\r');
    expect(await until(lastFrame, (text) => text.includes(`shipshape check ${firstChallenge?.id}`))).toContain(`shipshape check ${firstChallenge?.id}`);
    stdin.write('\u001b');
    expect(await until(lastFrame, (text) => !text.includes(`shipshape check ${firstChallenge?.id}`))).not.toContain(`shipshape check ${firstChallenge?.id}`);
    unmount();
  });
});
