import { describe, expect, it } from 'vitest';
import { statusField, statusLine, statusUids } from './procStatus.js';

const sample = 'Name:\tbusybox\nUmask:\t0022\nUid:\t1000\t0\t0\t0\nGid:\t0\t0\t0\t0\nCapEff:\t00000000a80425fb\nNoNewPrivs:\t0\n';

describe('statusField', () => {
  it('reads a field by its exact name', () => {
    expect(statusField(sample, 'NoNewPrivs')).toBe('0');
    expect(statusField(sample, 'CapEff')).toBe('00000000a80425fb');
  });

  it('does not match a field by prefix and says when a field is missing', () => {
    expect(statusField(sample, 'Cap')).toBeUndefined();
    expect(statusField('Name:\tsh\n', 'NoNewPrivs')).toBeUndefined();
  });
});

describe('statusLine', () => {
  it('quotes the line with single spaces', () => {
    expect(statusLine(sample, 'Uid')).toBe('Uid: 1000 0 0 0');
  });
});

describe('statusUids', () => {
  it('splits real, effective and saved uid', () => {
    expect(statusUids(sample)).toEqual({ real: 1000, effective: 0, saved: 0 });
  });

  it('returns undefined for a malformed line', () => {
    expect(statusUids('Uid:\tabc\n')).toBeUndefined();
  });
});
