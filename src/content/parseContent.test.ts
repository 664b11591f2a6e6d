import { describe, expect, it } from 'vitest';
import { InputError } from '../parse/position.js';
import { parseChallengeManifest, parseHints, parseLesson } from './parseContent.js';

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

const lesson = (frontMatter: string) => `---\n${frontMatter}\n---\n# Body\ntext\n`;

describe('parseLesson', () => {
  it('reads front matter and body', () => {
    const parsed = parseLesson(lesson('id: non-root\ntitle: Non-root\nitems: [runtime.non-root]\norder: 3'), 'lessons/a.md');
    expect(parsed).toMatchObject({ id: 'non-root', items: ['runtime.non-root'], order: 3, quiz: [], body: '# Body\ntext', source: 'lessons/a.md' });
  });

  it('points at the line of an unknown curriculum item', () => {
    const error = inputError(() => parseLesson(lesson('id: a\ntitle: A\norder: 1\nitems:\n  - runtime.non-root\n  - runtime.nope'), 'a.md'));
    expect(error.file).toBe('a.md');
    // Line 1 is `---`; the bad item is the 6th line of the front matter.
    expect(error.position.line).toBe(7);
    expect(error.message).toMatch(/items\.1: a curriculum item id/);
  });

  it('points at the parent map when a key is missing', () => {
    const error = inputError(() => parseLesson(lesson('id: a\ntitle: A\nitems: [runtime.non-root]'), 'a.md'));
    expect(error.message).toMatch(/order/);
    expect(error.position.line).toBe(2);
  });

  it('rejects a quiz answer outside the choices', () => {
    const error = inputError(() =>
      parseLesson(lesson('id: a\ntitle: A\nitems: [runtime.non-root]\norder: 1\nquiz:\n  - question: q\n    choices: [x, y]\n    answer: 2\n    explanation: e'), 'a.md'),
    );
    expect(error.message).toMatch(/answer must be the index/);
    expect(error.position.line).toBe(9);
  });

  it('requires front matter', () => {
    expect(inputError(() => parseLesson('# no front matter', 'a.md')).message).toMatch(/front matter/);
  });
});

describe('parseChallengeManifest', () => {
  const valid = [
    'formatVersion: 1', 'id: demo', 'title: Demo', 'items: [runtime.non-root]', 'order: 1', 'task: Fix it.',
    'files: [Dockerfile]', 'checks:', '  static:', '    - rule: dockerfile/no-root-user',
  ].join('\n');

  it('accepts a minimal manifest and fills defaults', () => {
    expect(parseChallengeManifest(valid, 'c.yaml')).toMatchObject({ difficulty: 'beginner', negativeFixes: [], checks: { static: [{ rule: 'dockerfile/no-root-user' }] } });
  });

  it('reports YAML syntax errors at their line', () => {
    const error = inputError(() => parseChallengeManifest('formatVersion: 1\nid: [unclosed\n', 'c.yaml'));
    expect(error.format()).toMatch(/^c\.yaml:\d+:\d+: /);
    expect(error.position.line).toBeGreaterThanOrEqual(2);
  });

  it('reports an unknown key at its line', () => {
    const error = inputError(() => parseChallengeManifest(`${valid}\nsolutoin: oops`, 'c.yaml'));
    expect(error.position.line).toBe(1);
    expect(error.message).toMatch(/solutoin/);
  });

  it('refuses paths that leave the challenge folder', () => {
    const error = inputError(() => parseChallengeManifest(valid.replace('files: [Dockerfile]', 'files: [../../etc/passwd]'), 'c.yaml'));
    expect(error.position.line).toBe(7);
  });

  it('bounds YAML alias expansion', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefghij'[i]}`).join(', ')}]`)].join('\n');
    expect(inputError(() => parseChallengeManifest(bomb, 'c.yaml')).message).toMatch(/alias|YAML/i);
  });

  it('refuses binary files', () => {
    expect(inputError(() => parseChallengeManifest('\u0000\u0001\u0002', 'c.yaml')).message).toMatch(/binary/);
  });
});

describe('parseHints', () => {
  it('splits level-2 sections, mildest first', () => {
    expect(parseHints('intro ignored\n## One\nfirst\n\n## Two\nsecond\n')).toEqual(['first', 'second']);
  });
});
