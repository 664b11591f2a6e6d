import { describe, expect, it } from 'vitest';
import { migrateProgress } from './migrate.js';
import { emptyProgress } from './progress.js';

describe('migrateProgress', () => {
  it('accepts the current format as it is', () => {
    expect(migrateProgress(emptyProgress())).toEqual({ ok: true, progress: emptyProgress() });
  });

  it('runs each step from an older format up to the current one, then validates', () => {
    const seen: number[] = [];
    const chain = {
      1: (d: Record<string, unknown>) => (seen.push(1), { ...d, challenges: d.solved, solved: undefined }),
      2: (d: Record<string, unknown>) => (seen.push(2), { ...d, lessons: d.lessons ?? {} }),
    };
    const result = migrateProgress({ version: 1, solved: { c: { attempts: 2, hintsShown: 1 } } }, chain, 3);
    expect(seen).toEqual([1, 2]);
    expect(result).toMatchObject({ ok: true, migratedFrom: 1, progress: { challenges: { c: { attempts: 2, hintsShown: 1 } }, lessons: {} } });
  });

  it('says so when a step is missing', () => {
    expect(migrateProgress({ version: 1, challenges: {}, lessons: {} }, {}, 2)).toEqual({ ok: false, reason: 'no migration from format 1' });
  });

  it('refuses a newer format instead of guessing', () => {
    expect(migrateProgress({ version: 9, challenges: {}, lessons: {} })).toMatchObject({ ok: false, newer: 9 });
  });

  it('names what is wrong in a damaged file', () => {
    expect(migrateProgress({ version: 1, challenges: { c: { attempts: -1 } }, lessons: {} })).toMatchObject({ ok: false, reason: expect.stringContaining('challenges.c.attempts') });
    expect(migrateProgress([1, 2])).toMatchObject({ ok: false, reason: 'not a JSON object' });
  });

  it('fills the defaults of fields added within format 1', () => {
    const result = migrateProgress({ version: 1, challenges: { c: { attempts: 1 } }, lessons: { l: {} } });
    expect(result).toMatchObject({ ok: true, progress: { challenges: { c: { attempts: 1, hintsShown: 0 } }, lessons: { l: { quiz: {} } } } });
  });
});
