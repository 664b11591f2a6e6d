import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../content/loadCourse.js';
import { App } from './App.js';
import { keyTable } from './keys/keyTable.js';
import { fakePorts, keys, tick, until } from './testing/fakePorts.js';

// Each test types whole sequences with a render between keys; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 30_000 });
const course = loadCourse();
const pin = course.challenges.find((c) => c.id === 'pin-base-image');
if (!pin) throw new Error('the course has no pin-base-image challenge');
const broken = 'FROM busybox\n';
const fixed = 'FROM busybox:1.36.1\n';

async function type(stdin: { write: (s: string) => void }, text: string) {
  for (const ch of text) {
    stdin.write(ch);
    await tick();
  }
}

/** Opens a step from the map by searching for its id. */
async function openById(stdin: { write: (s: string) => void }, lastFrame: () => string | undefined, id: string) {
  stdin.write('/');
  await tick();
  await type(stdin, id);
  await until(lastFrame, (t) => (t.split('\n').find((l) => l.startsWith('›')) ?? '').includes(`(${id})`));
  stdin.write(keys.enter);
  await until(lastFrame, (t) => !t.includes('▏'));
  stdin.write(keys.enter);
  await until(lastFrame, (t) => t.includes(`· ${id}`));
  // A new screen subscribes to keys in an effect, just after its first frame.
  await tick();
  await tick();
}

describe('App: the course map', () => {
  it('shows sections in course order, ids, marks and the next step', () => {
    const { lastFrame, unmount } = render(<App course={course} ports={fakePorts()} color={false} />);
    const frame = lastFrame() ?? '';
    expect(frame).toContain('Threat model');
    expect(frame).toContain(`(${course.lessons[0]?.id})`);
    expect(frame).toMatch(/◀ next/);
    expect(frame).toContain(`0/${course.challenges.length} challenges passed`);
    unmount();
  });

  it('finds a step by checklist item with / and opens it', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={fakePorts()} color={false} />);
    stdin.write('/');
    await tick();
    await type(stdin, 'image.pin-versions');
    const frame = await until(lastFrame, (t) => t.includes('2 matches'));
    expect(frame).toContain('pin-base-image');
    expect(frame).not.toContain('Threat model');
    stdin.write(keys.enter);
    await tick();
    stdin.write(keys.enter);
    expect(await until(lastFrame, (t) => t.includes('Lesson · image-pin-versions'))).toContain('Lesson · image-pin-versions');
    unmount();
  });

  it('moves once per key even when keys arrive in one chunk, and pages', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={fakePorts()} color={false} />);
    stdin.write('jjj');
    const frame = await until(lastFrame, (t) => (t.split('\n').find((l) => l.startsWith('›')) ?? '').includes(course.lessons[3]?.id ?? '?'));
    expect(frame.split('\n').find((l) => l.startsWith('›'))).toContain(course.lessons[3]?.id);
    stdin.write(keys.pageDown);
    expect(await until(lastFrame, (t) => !(t.split('\n').find((l) => l.startsWith('›')) ?? '').includes(course.lessons[3]?.id ?? '?'))).toBeTruthy();
    unmount();
  });

  it('lists every key of the table on ? and goes back with esc', async () => {
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={fakePorts()} color={false} />);
    stdin.write('?');
    const frame = await until(lastFrame, (t) => t.includes('Keys'));
    for (const command of keyTable.filter((c) => c.scopes.includes('map'))) expect(frame).toContain(command.help);
    stdin.write(keys.escape);
    expect(await until(lastFrame, (t) => t.includes('Threat model'))).toContain('Threat model');
    unmount();
  });

  it('cleans up before quitting on q', async () => {
    const ports = fakePorts();
    const { stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    stdin.write('q');
    for (let i = 0; i < 50 && ports.cleaned.length === 0; i++) await tick();
    expect(ports.cleaned).toEqual(['the course was closed']);
    unmount();
  });

  it('reports a progress problem on the status line', () => {
    const ports = fakePorts();
    ports.progress.read = () => ({ progress: ports.progressNow(), problem: 'Your progress file could not be read (not valid JSON); it was moved to /x.corrupt' });
    const { lastFrame, unmount } = render(<App course={course} ports={ports} color={false} />);
    expect(lastFrame()).toContain('moved to /x.corrupt');
    unmount();
  });
});

describe('App: a challenge', () => {
  it('runs the check, shows file:line, watches a save turn it green, records progress and shows the diff', async () => {
    const ports = fakePorts({ files: { Dockerfile: broken }, solution: { Dockerfile: fixed } });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    stdin.write('c');
    const failed = await until(lastFrame, (t) => t.includes('checks fail'));
    expect(failed).toContain('Dockerfile:3:1');
    expect(failed).toContain('why: latest moves');
    expect(ports.progressNow().challenges['pin-base-image']).toMatchObject({ attempts: 1 });
    stdin.write('w');
    await until(lastFrame, (t) => t.includes('watching for saves'));
    ports.save('Dockerfile', fixed);
    const passed = await until(lastFrame, (t) => t.includes('Challenge passed'));
    expect(passed).toContain('Challenge passed');
    expect(ports.progressNow().challenges['pin-base-image']?.passedAt).toEqual(expect.any(String));
    stdin.write('G');
    expect(await until(lastFrame, (t) => t.includes('reference solution'))).toMatch(/the same as the solution/);
    unmount();
  });

  it('shows hints one at a time and remembers them', async () => {
    const ports = fakePorts({ files: { Dockerfile: broken } });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    stdin.write('h');
    expect(await until(lastFrame, (t) => t.includes(`Hint 1 of ${pin.hints.length}`))).not.toContain('Hint 2 of');
    expect(ports.progressNow().challenges['pin-base-image']?.hintsShown).toBe(1);
    unmount();
  });

  it('marks the TODO line of the broken file and says where the file is when no editor is set', async () => {
    const ports = fakePorts({ files: { Dockerfile: '# TODO: pin this\nFROM busybox\n' } });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    const frame = await until(lastFrame, (t) => t.includes('▶ 1 │ # TODO: pin this'));
    expect(frame).toContain('▶ 1 │ # TODO: pin this');
    stdin.write('e');
    expect(await until(lastFrame, (t) => t.includes('Set $VISUAL or $EDITOR'))).toContain('/work/space/pin-base-image/Dockerfile');
    unmount();
  });

  it('resets only after y, and keeps the solution back before passing unless confirmed', async () => {
    const ports = fakePorts({ files: { Dockerfile: broken }, solution: { Dockerfile: fixed } });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    ports.files.set('Dockerfile', 'FROM mine\n');
    stdin.write('r');
    await until(lastFrame, (t) => t.includes('(y/n)'));
    stdin.write('n');
    await until(lastFrame, (t) => !t.includes('(y/n)'));
    expect(ports.files.get('Dockerfile')).toBe('FROM mine\n');
    stdin.write('r');
    await until(lastFrame, (t) => t.includes('(y/n)'));
    stdin.write('y');
    await until(lastFrame, (t) => t.includes('Reset: the broken files are back'));
    expect(ports.files.get('Dockerfile')).toBe(broken);
    stdin.write('d');
    expect(await until(lastFrame, (t) => t.includes('See the solution anyway'))).toContain('(y/n)');
    stdin.write('y');
    expect(await until(lastFrame, (t) => t.includes('+FROM busybox:1.36.1'))).toContain('-FROM busybox');
    expect(ports.progressNow().challenges['pin-base-image']?.solutionShownEarlyAt).toEqual(expect.any(String));
    unmount();
  });

  it('shows a file that does not parse as a failure with its position', async () => {
    const ports = fakePorts({ files: { Dockerfile: broken }, verdict: (c) => ({ challenge: c.id, passed: false, checks: [], parseError: { file: 'Dockerfile', line: 2, column: 5, message: 'unterminated quote' } }) });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    stdin.write('c');
    expect(await until(lastFrame, (t) => t.includes('Dockerfile:2:5'))).toContain('unterminated quote');
    unmount();
  });

  it('on Ctrl-C, cancels the running check and waits for it before cleaning up', async () => {
    let aborted = false;
    const ports = fakePorts({
      files: { Dockerfile: broken },
      verdict: (c, _f, options) => new Promise((resolve) => options.signal?.addEventListener('abort', () => {
        aborted = true;
        resolve({ challenge: c.id, passed: false, checks: [], cancelled: true });
      })),
    });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    stdin.write('c');
    await until(lastFrame, (t) => t.includes('running'));
    stdin.write(keys.ctrlC);
    for (let i = 0; i < 50 && ports.cleaned.length === 0; i++) await tick();
    expect(aborted).toBe(true);
    expect(ports.cleaned).toHaveLength(1);
    unmount();
  });

  it('goes to the next step with n, and skip records the skip', async () => {
    const ports = fakePorts({ files: { Dockerfile: broken } });
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'pin-base-image');
    await until(lastFrame, (t) => t.includes('Challenge · pin-base-image'));
    stdin.write('s');
    const frame = await until(lastFrame, (t) => !t.includes('Challenge · pin-base-image'));
    expect(ports.progressNow().challenges['pin-base-image']?.skippedAt).toEqual(expect.any(String));
    // The step after pin-base-image in course order (nothing before it is done, so it wraps forward from here).
    expect(frame).toMatch(/Lesson · image-copy-only-needed|Challenge · |Lesson · /);
    unmount();
  });
});

describe('App: lessons and quizzes', () => {
  it('renders the lesson Markdown, takes the quiz and stores the score', async () => {
    const ports = fakePorts();
    const lesson = course.lessons.find((l) => l.id === 'image-pin-versions');
    const { lastFrame, stdin, unmount } = render(<App course={course} ports={ports} color={false} />);
    await openById(stdin, lastFrame, 'image-pin-versions');
    const frame = await until(lastFrame, (t) => t.includes('Lesson · image-pin-versions'));
    expect(frame).not.toMatch(/^#+ /m);
    expect(frame).not.toContain('**');
    expect(ports.progressNow().lessons['image-pin-versions']?.openedAt).toEqual(expect.any(String));
    stdin.write('t');
    await until(lastFrame, (t) => t.includes('Question 1 of'));
    await tick();
    await tick();
    stdin.write(keys.enter); // The first choice is right for question 1 of this lesson.
    const feedback = await until(lastFrame, (t) => t.includes('Right.') || t.includes('Not quite.'));
    expect(feedback).toContain(lesson?.quiz[0]?.explanation.slice(0, 20));
    expect(Object.keys(ports.progressNow().lessons['image-pin-versions']?.quiz ?? {})).toEqual([lesson?.quiz[0]?.question]);
    unmount();
  });
});
