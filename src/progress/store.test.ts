import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordHintShown } from './progress.js';
import { ProgressFileError, readProgress, updateProgress } from './store.js';

const scratch = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'shipshape-progress-')), 'progress.json');

describe('progress store', () => {
  it('starts empty and keeps what was written', () => {
    const file = scratch();
    expect(readProgress(file).progress.challenges).toEqual({});
    updateProgress((p) => recordHintShown(p, 'c', 1), file);
    updateProgress((p) => recordHintShown(p, 'd', 2), file);
    const { progress } = readProgress(file);
    expect(progress.challenges.c?.hintsShown).toBe(1);
    expect(progress.challenges.d?.hintsShown).toBe(2);
    expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(1);
  });

  it('moves a corrupt file aside and says where, instead of resetting silently', () => {
    const file = scratch();
    writeFileSync(file, '{"version": 1, "challenges": {');
    const read = readProgress(file);
    expect(read.problem).toMatch(/could not be read \(not valid JSON.*moved to .*progress\.json\.corrupt-/);
    const aside = readdirSync(path.dirname(file)).find((name) => name.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(path.dirname(file), aside ?? ''), 'utf8')).toBe('{"version": 1, "challenges": {');
  });

  it('reports the problem from the update that found it', () => {
    const file = scratch();
    writeFileSync(file, '[]');
    expect(updateProgress((p) => p, file).problem).toMatch(/not a JSON object/);
    expect(readProgress(file).problem).toBeUndefined();
  });

  it('leaves a newer format alone and refuses to write over it', () => {
    const file = scratch();
    writeFileSync(file, '{"version": 2, "everything": "new"}');
    expect(() => updateProgress((p) => p, file)).toThrow(ProgressFileError);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 2, "everything": "new"}');
  });

  it('takes over the lock of a writer that died, and removes what it left', () => {
    const file = scratch();
    // No process has pid 2^22 + 1 on Linux (pid_max is at most 2^22).
    const dead = 4_194_305;
    writeFileSync(`${file}.lock`, String(dead));
    writeFileSync(`${file}.lock.${dead}`, String(dead));
    writeFileSync(`${file}.${dead}.abc.tmp`, '{"half": ');
    updateProgress((p) => recordHintShown(p, 'c', 1), file);
    expect(readProgress(file).progress.challenges.c?.hintsShown).toBe(1);
    expect(readdirSync(path.dirname(file)).sort()).toEqual(['progress.json']);
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});
