import { describe, expect, it } from 'vitest';
import { demuxedText } from './runChallenge.js';

const frame = (stream: number, text: string) => {
  const body = Buffer.from(text);
  const header = Buffer.alloc(8);
  header[0] = stream;
  header.writeUInt32BE(body.length, 4);
  return Buffer.concat([header, body]);
};

describe('demuxedText', () => {
  it('strips the frame headers of stdout and stderr', () => {
    expect(demuxedText(Buffer.concat([frame(1, 'hello '), frame(2, 'mkdir: cannot create')]))).toBe('hello mkdir: cannot create');
  });

  it('keeps unframed output (a TTY container) as it is', () => {
    expect(demuxedText(Buffer.from('plain text'))).toBe('plain text');
  });
});
