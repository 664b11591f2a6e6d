import { describe, expect, it } from 'vitest';
import { framedLogText } from './logFrames.js';

const frame = (stream: number, text: string) => Buffer.concat([Buffer.from([stream, 0, 0, 0]), Buffer.from(Uint32Array.of(0).buffer).fill(0), Buffer.from(text)]).fill(text.length, 7, 8);

describe('framedLogText', () => {
  it('joins stdout and stderr frames without their headers', () => {
    expect(framedLogText(Buffer.concat([frame(1, 'ready\n'), frame(2, 'warn\n')]))).toBe('ready\nwarn\n');
  });

  it('keeps text that is not framed', () => {
    expect(framedLogText(Buffer.from('plain tty output'))).toBe('plain tty output');
  });
});
