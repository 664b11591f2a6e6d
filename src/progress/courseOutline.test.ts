import { describe, expect, it } from 'vitest';
import { loadCourse } from '../content/loadCourse.js';
import { entryMatches, searchEntries } from '../ui/state/mapSearch.js';
import { courseOutline, outlineEntries, sectionKey, sectionTitle } from './courseOutline.js';
import { commandFor, nextStep } from './nextStep.js';
import { emptyProgress, recordCheck, recordLessonOpened, recordQuizAnswer, recordSkip } from './progress.js';
import { progressJson } from './progressReport.js';

const course = loadCourse();
const entries = outlineEntries(courseOutline(course));

describe('course outline', () => {
  it('names sections from the numbered folders', () => {
    expect(sectionKey('lessons/02-images/03-pin-versions.md')).toBe('02-images');
    expect(sectionKey('challenges/04-runtime/01-non-root-dockerfile')).toBe('04-runtime');
    expect(sectionKey('lessons/loose.md')).toBe('00-course');
    expect(sectionTitle('01-threat-model')).toBe('Threat model');
  });

  it('interleaves lessons and challenges by order, a lesson first on a tie', () => {
    const images = courseOutline(course).find((s) => s.key === '02-images');
    const ids = images?.entries.map((e) => `${e.kind}:${e.id}`) ?? [];
    expect(ids.indexOf('lesson:image-pin-versions')).toBe(ids.indexOf('challenge:pin-base-image') - 1);
    const orders = images?.entries.map((e) => e.order) ?? [];
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(entries).toHaveLength(course.lessons.length + course.challenges.length);
  });
});

describe('next step', () => {
  it('starts with the first lesson, and moves past what is finished', () => {
    expect(nextStep(entries, emptyProgress())?.id).toBe(entries[0]?.id);
    const first = entries[0];
    if (first?.kind !== 'lesson') throw new Error('the course starts with a lesson');
    let progress = recordLessonOpened(emptyProgress(), first.id, 't');
    expect(nextStep(entries, progress)?.id).toBe(first.id); // Its quiz is not answered yet.
    for (const q of first.lesson.quiz) progress = recordQuizAnswer(progress, first.id, q.question, false, 't');
    expect(nextStep(entries, progress)?.id).toBe(entries[1]?.id);
  });

  it('counts passed and skipped challenges as finished, and looks forward from where the learner is', () => {
    const progress = recordSkip(recordCheck(emptyProgress(), 'pin-base-image', { passed: true, passing: 1, total: 1, staticOnly: false, complete: true }, 't'), 'copy-only-needed', 't');
    const after = nextStep(entries, progress, 'image-pin-versions');
    expect(after?.id).not.toBe('pin-base-image');
    const index = entries.findIndex((e) => e.id === after?.id);
    expect(index).toBeGreaterThan(entries.findIndex((e) => e.id === 'pin-base-image'));
    expect(after?.id).not.toBe('copy-only-needed');
    expect(commandFor(entries.find((e) => e.id === 'pin-base-image')!)).toBe('shipshape check pin-base-image');
  });
});

describe('search and JSON', () => {
  it('finds by title words, id and checklist item', () => {
    const pin = entries.find((e) => e.id === 'pin-base-image')!;
    expect(entryMatches(pin, 'image.pin-versions')).toBe(true);
    expect(entryMatches(pin, 'busybox')).toBe(true);
    expect(entryMatches(pin, 'kubernetes')).toBe(false);
    expect(searchEntries(entries, '')).toHaveLength(entries.length);
  });

  it('reports progress in the documented shape', () => {
    const json = progressJson(entries, emptyProgress(), (id) => (id === 'pin-base-image' ? '/w/pin-base-image' : null));
    expect(json.version).toBe(1);
    expect(json.challenges.find((c) => c.id === 'pin-base-image')).toEqual({ id: 'pin-base-image', title: expect.any(String), status: 'not-started', workspace: '/w/pin-base-image', attempts: 0, passedAt: null });
    expect(json.lessons[0]).toEqual({ id: entries[0]?.id, quiz: { questions: expect.any(Number), answered: 0, correct: 0 } });
  });
});
