import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/gradeFixtures.js';
import { csvCell, reportToCsv } from './gradeCsv.js';

describe('grade CSV', () => {
  it('has a row per student, a column per challenge, the total and the maximum', () => {
    const lines = reportToCsv(sampleReport()).split('\r\n');
    expect(lines[0]).toBe('student,healthcheck,non-root-dockerfile,total,max');
    expect(lines[1]).toBe('alice,1,2,3,4');
    // Not submitted is an empty cell, not a zero; a formula-looking id is defused.
    expect(lines[2]).toBe("'=cmd|evil,0,,0,1");
    expect(lines[3]).toBe('');
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-x,y')).toBe(`"'-x,y"`);
  });
});
