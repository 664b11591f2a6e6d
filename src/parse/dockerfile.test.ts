import { describe, expect, it } from 'vitest';
import { expandVariables, parseDockerfile, parseImageReference } from './dockerfile.js';
import { InputError } from './position.js';

function parseError(text: string): InputError {
  try {
    parseDockerfile(text, 'Dockerfile');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('parseDockerfile', () => {
  it('splits stages and keeps 1-based lines', () => {
    const model = parseDockerfile('FROM busybox:1.36 AS Build\nRUN echo hi\n\nFROM scratch\nCOPY --from=build /a /b\n');
    expect(model.stages).toHaveLength(2);
    expect(model.stages[0]?.name).toBe('build');
    expect(model.stages[1]?.instructions[0]).toMatchObject({ keyword: 'COPY', line: 5, flags: { from: 'build' } });
    expect(model.stages[1]?.base.name).toBe('scratch');
  });

  it('links a stage built FROM an earlier stage', () => {
    const model = parseDockerfile('FROM busybox AS base\nFROM base\n');
    expect(model.stages[1]?.parentStage).toBe(0);
  });

  it('expands global ARGs in FROM', () => {
    const model = parseDockerfile('ARG BASE=node\nARG TAG=20.11.1-alpine\nFROM ${BASE}:$TAG\n');
    expect(model.stages[0]?.base).toMatchObject({ reference: 'node:20.11.1-alpine', tag: '20.11.1-alpine', unresolved: false });
  });

  it('reads exec form as JSON and shell form as words', () => {
    const model = parseDockerfile('FROM x\nCMD ["httpd", "-f"]\nRUN echo a  b\n');
    expect(model.stages[0]?.instructions[0]).toMatchObject({ jsonForm: true, args: ['httpd', '-f'] });
    expect(model.stages[0]?.instructions[1]).toMatchObject({ jsonForm: false, args: ['echo', 'a', 'b'] });
  });

  it('joins continuation lines into one instruction', () => {
    const model = parseDockerfile('FROM x\nUSER \\\n  10001\nCMD ["sh"]\n');
    expect(model.stages[0]?.instructions[0]).toMatchObject({ keyword: 'USER', args: ['10001'], line: 2, endLine: 3 });
    expect(model.stages[0]?.instructions[1]?.line).toBe(4);
  });

  it('accepts heredocs that are closed', () => {
    const model = parseDockerfile('FROM x\nRUN <<EOF\necho hi\nEOF\nUSER 1\n');
    expect(model.stages[0]?.instructions.map((i) => i.keyword)).toEqual(['RUN', 'USER']);
  });

  it('reads parser directives', () => {
    expect(parseDockerfile('# syntax=docker/dockerfile:1\nFROM x\n').directives).toEqual({ syntax: 'docker/dockerfile:1' });
  });

  it.each([
    ['an unknown instruction', 'FROM x\nBLAH y\n', 2, /unknown instruction "BLAH"/],
    ['an instruction before FROM', 'RUN echo\nFROM x\n', 1, /before the first FROM/],
    ['no FROM at all', '# only a comment\n', 1, /no FROM/],
    ['FROM without an image', 'FROM\n', 1, /FROM needs an image/],
    ['a malformed AS clause', 'FROM x AS\n', 1, /AS name/],
    ['an unterminated heredoc', 'FROM x\nRUN <<EOF\necho hi\n', 2, /never closed/],
    ['binary content', 'FROM x\n\u0000\u0001', 1, /binary/],
  ])('refuses %s with its line', (_name, text, line, message) => {
    const error = parseError(text);
    expect(error.position.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.format()).toMatch(new RegExp(`^Dockerfile:${line}:\\d+: `));
  });
});

describe('parseImageReference', () => {
  it.each([
    ['busybox', { name: 'busybox', tag: undefined, digest: undefined }],
    ['node:20.11.1-alpine', { name: 'node', tag: '20.11.1-alpine' }],
    ['localhost:5000/team/app:1.2', { name: 'localhost:5000/team/app', tag: '1.2' }],
    ['alpine@sha256:abc', { name: 'alpine', tag: undefined, digest: 'sha256:abc' }],
    ['alpine:3.20@sha256:abc', { name: 'alpine', tag: '3.20', digest: 'sha256:abc' }],
  ])('splits %s', (reference, expected) => {
    expect(parseImageReference(reference)).toMatchObject(expected);
  });
});

describe('expandVariables', () => {
  const vars = new Map([['A', 'one'], ['EMPTY', '']]);
  it.each([
    ['$A', 'one'],
    ['${A}-x', 'one-x'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${A:+set}', 'set'],
    ['${MISSING:+set}', ''],
    ['$MISSING', '$MISSING'],
  ])('expands %s', (input, output) => {
    expect(expandVariables(input, vars)).toBe(output);
  });
});
