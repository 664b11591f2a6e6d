import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../content/loadCourse.js';
import { App, keyBindings } from './App.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('App', () => {
  const course = loadCourse();

  it('lists lessons and challenges with the key help', () => {
    const { lastFrame, unmount } = render(<App course={course} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Run as a user that is not root');
    expect(frame).toContain('The status page runs as root');
    for (const binding of keyBindings) expect(frame).toContain(binding.action);
    unmount();
  });

  it('opens a challenge with enter and goes back with escape', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} />);
    await tick();
    const challengeIndex = course.lessons.length;
    for (let i = 0; i < challengeIndex; i++) {
      stdin.write('j');
      await tick();
    }
    stdin.write('\r');
    await tick();
    expect(lastFrame()).toContain('shipshape check non-root-dockerfile');
    stdin.write('\u001b');
    await tick();
    expect(lastFrame()).not.toContain('shipshape check non-root-dockerfile');
    unmount();
  });
});
