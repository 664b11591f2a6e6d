import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../content/loadCourse.js';
import { fakePorts } from '../testing/fakePorts.js';
import { runPlainCourse } from './plainCourse.js';

const course = loadCourse();

async function session(lines: string[], ports = fakePorts({ files: { Dockerfile: 'FROM busybox\n' }, solution: { Dockerfile: 'FROM busybox:1.36.1\n' } })) {
  const out: string[] = [];
  const code = await runPlainCourse(course, ports, { input: Readable.from(lines.map((l) => `${l}\n`)), write: (t) => out.push(t), width: 80 });
  return { code, text: out.join('\n'), ports };
}

describe('plain course', () => {
  it('lists the map as sentences, without colour or cursor codes', async () => {
    const { code, text } = await session(['q']);
    expect(code).toBe(0);
    expect(text).toMatch(new RegExp(`^shipshape course map: 0 of ${course.challenges.length} challenges passed`));
    expect(text).toMatch(/\d+\. not started: challenge pin-base-image, Which busybox/);
    expect(text).not.toMatch(/\u001b\[/);
  });

  it('checks a challenge, fails, and after the fix passes and records it', async () => {
    const ports = fakePorts({ files: { Dockerfile: 'FROM busybox\n' }, solution: { Dockerfile: 'FROM busybox:1.36.1\n' } });
    const input = new Readable({ read() {} });
    const out: string[] = [];
    const done = runPlainCourse(course, ports, { input, write: (t) => out.push(t), width: 80 });
    const waitFor = async (text: string) => {
      for (let i = 0; i < 200 && !out.join('\n').includes(text); i++) await new Promise((r) => setTimeout(r, 10));
      return out.join('\n');
    };
    input.push('pin-base-image\n');
    await waitFor('c check, w watch');
    input.push('c\n');
    expect(await waitFor('1 of 1 checks fail')).toContain('Dockerfile:3:1');
    ports.files.set('Dockerfile', 'FROM busybox:1.36.1\n');
    input.push('c\n');
    expect(await waitFor('All 1 checks pass')).toContain('Dockerfile: the same as the reference solution');
    expect(ports.progressNow().challenges['pin-base-image']?.passedAt).toEqual(expect.any(String));
    input.push('q\n');
    expect(await done).toBe(0);
    expect(ports.cleaned).toHaveLength(1);
  });

  it('asks a quiz and scores typed answers', async () => {
    const lesson = course.lessons.find((l) => l.id === 'image-pin-versions')!;
    // One answer per question (any letters: the test is about scoring, not knowing); the order question takes a list.
    const answers = lesson.quiz.map((q) => (q.kind === 'order' ? q.steps.map((_, j) => String.fromCharCode(97 + j)).join(',') : q.kind === 'wrong-line' ? '1' : 'b'));
    const { text, ports } = await session(['image-pin-versions', 'y', ...answers, 'q']);
    expect(text).toContain(`1. ${lesson.quiz[0]?.question}`);
    expect(text).toMatch(/Right\. |Not quite/);
    expect(text).toMatch(new RegExp(`Quiz done: \\d of ${lesson.quiz.length} right\\.`));
    expect(Object.keys(ports.progressNow().lessons['image-pin-versions']?.quiz ?? {})).toHaveLength(lesson.quiz.length);
  });
});
