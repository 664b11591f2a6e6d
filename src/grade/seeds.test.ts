import { describe, expect, it } from 'vitest';
import { parseSeeds, SeedsError } from './seeds.js';

describe('seeds.csv', () => {
  it('reads student,seed lines, with or without a header, with quotes and CRLF', () => {
    const seeds = parseSeeds('student,seed\r\nalice,a-1\r\n"bob, jr",\"s\"\"2\"\r\n\r\n');
    expect([...seeds]).toEqual([['alice', 'a-1'], ['bob, jr', 's"2']]);
  });

  it('names the line of a row that is not two columns, or a student listed twice', () => {
    expect(() => parseSeeds('alice,1\nbob\n')).toThrow(SeedsError);
    try {
      parseSeeds('alice,1\nalice,2\n');
    } catch (error) {
      expect((error as SeedsError).line).toBe(2);
      expect((error as Error).message).toMatch(/twice/);
    }
    expect(() => parseSeeds('alice,"open\n')).toThrow(/not closed/);
  });
});
