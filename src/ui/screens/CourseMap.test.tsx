import { render } from 'ink-testing-library';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { loadCourse } from '../../content/loadCourse.js';
import { courseOutline, outlineEntries, type OutlineEntry } from '../../progress/courseOutline.js';
import { nextStep } from '../../progress/nextStep.js';
import { emptyProgress, recordCheck, recordQuizAnswer, type Progress } from '../../progress/progress.js';
import { keys, tick, until } from '../testing/fakePorts.js';
import { CourseMap, initialMapState } from './CourseMap.js';

vi.setConfig({ testTimeout: 20_000 });
const course = loadCourse();
const sections = courseOutline(course);
const entries = outlineEntries(sections);

function Harness({ progress, columns = 80, onOpen = () => undefined }: { progress: Progress; columns?: number; onOpen?: (e: OutlineEntry) => void }) {
  const [state, setState] = useState(initialMapState);
  return <CourseMap sections={sections} entries={entries} progress={progress} next={nextStep(entries, progress)} state={state} setState={setState} open={onOpen} size={{ columns, rows: 24 }} color={false} inputActive setCapture={() => undefined} />;
}

describe('CourseMap', () => {
  it('marks passed and tried challenges and quiz scores', async () => {
    let progress = recordCheck(emptyProgress(), 'pin-base-image', { passed: true, passing: 1, total: 1, staticOnly: false, complete: true }, 't');
    progress = recordCheck(progress, 'copy-only-needed', { passed: false, passing: 0, total: 2, staticOnly: false, complete: true }, 't');
    const lesson = course.lessons.find((l) => l.id === 'image-pin-versions');
    progress = recordQuizAnswer(progress, 'image-pin-versions', lesson?.quiz[0]?.question ?? '', true, 't');
    const { lastFrame, stdin, unmount } = render(<Harness progress={progress} />);
    await tick();
    for (const ch of '/image') stdin.write(ch), await tick();
    const frame = await until(lastFrame, (t) => t.includes('pin-base-image'));
    expect(frame).toMatch(/✓ challenge Which busybox did we build on\? \(pin-base-image\)/);
    expect(frame).toMatch(/~ challenge .*\(copy-only-needed\)/);
    expect(frame).toMatch(new RegExp(`\\(image-pin-versions\\)\\s+quiz 1/${lesson?.quiz.length}`));
    unmount();
  });

  it('flags the next step and opens the selected entry with enter', async () => {
    const opened: string[] = [];
    const { lastFrame, stdin, unmount } = render(<Harness progress={emptyProgress()} onOpen={(e) => opened.push(e.id)} />);
    expect(lastFrame()).toMatch(/› · lesson .*◀ next/);
    await tick();
    stdin.write(keys.down);
    await until(lastFrame, (t) => (t.split('\n').find((l) => l.startsWith('›')) ?? '').includes(`(${entries[1]?.id})`));
    await tick();
    await tick();
    stdin.write(keys.enter);
    await until(() => String(opened.length), (t) => t === '1');
    expect(opened).toEqual([entries[1]?.id]);
    unmount();
  });

  it('fits 60 columns: no row is wider, ids still shown', async () => {
    const { lastFrame, unmount } = render(<Harness progress={emptyProgress()} columns={60} />);
    const frame = lastFrame() ?? '';
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
    expect(frame).toContain('q quit');
    unmount();
  });
});
