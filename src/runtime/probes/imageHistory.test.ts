import { describe, expect, it } from 'vitest';
import { historyStep, masked } from './imageHistory.js';

describe('historyStep', () => {
  it('shows metadata instructions as written', () => {
    expect(historyStep('/bin/sh -c #(nop)  ENV API_KEY=abc')).toBe('ENV API_KEY=abc');
  });

  it('shows a shell step as RUN', () => {
    expect(historyStep('/bin/sh -c echo hi > /x')).toBe('RUN echo hi > /x');
  });

  it('keeps the build arguments the classic builder recorded with a RUN', () => {
    expect(historyStep('|1 TOKEN=abc /bin/sh -c echo building')).toBe('RUN echo building (build arguments recorded with it: TOKEN=abc)');
  });
});

describe('masked', () => {
  it('hides every copy of the value', () => {
    expect(masked('ENV A=s3cret B=s3cret', 's3cret')).toBe('ENV A=*** B=***');
  });
});
