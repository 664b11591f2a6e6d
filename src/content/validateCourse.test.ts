import { describe, expect, it } from 'vitest';
import type { Challenge, Lesson } from './schema.js';
import { validateCourse } from './validateCourse.js';

const lesson: Lesson = { id: 'l', title: 'L', items: ['runtime.non-root'], order: 1, references: [], quiz: [], body: '', source: 'l.md' };
const challenge: Challenge = {
  formatVersion: 1, id: 'c', title: 'C', items: ['runtime.non-root'], order: 1, difficulty: 'beginner', task: 't',
  files: ['Dockerfile'], checks: { static: [{ rule: 'r', points: 1 }], runtime: { dockerfile: 'Dockerfile', run: { from: 'dockerfile' }, probes: [{ probe: 'p', with: {}, points: 1 }] } },
  negativeFixes: [], alternativeSolutions: [], folder: 'challenges/c', hints: ['h'],
};
const known = { ruleIds: new Set(['r']), probes: new Map([['p', (params: Record<string, unknown>) => ('bad' in params ? 'bad is not allowed' : undefined)]]) };

describe('validateCourse', () => {
  it('accepts a consistent course', () => {
    expect(validateCourse([lesson], [challenge], known)).toEqual([]);
  });

  it('finds duplicate ids, unknown rules and probes, untaught items and missing hints', () => {
    const broken: Challenge = {
      ...challenge, id: 'l', items: ['image.no-suid'], hints: [],
      checks: { static: [{ rule: 'nope', points: 1 }], runtime: { dockerfile: 'Dockerfile', run: { from: 'compose', file: 'compose.yaml', service: 'web' }, probes: [{ probe: 'nada', with: {}, points: 1 }, { probe: 'p', with: { bad: 1 }, points: 1 }] } },
    };
    const messages = validateCourse([lesson], [broken], known).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/already used/),
      expect.stringMatching(/unknown rule "nope"/),
      expect.stringMatching(/unknown probe "nada"/),
      expect.stringMatching(/"image.no-suid" is not taught/),
      expect.stringMatching(/no "## " hint/),
      expect.stringMatching(/probe "p": bad is not allowed/),
      expect.stringMatching(/run.file "compose.yaml" is not one of the challenge files/),
    ]));
  });
});
