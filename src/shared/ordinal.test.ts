import { describe, expect, it } from 'vitest';
import { compareOrdinal } from './ordinal.js';

describe('compareOrdinal', () => {
  it('orders ids as a sort would by code unit, equal strings tie', () => {
    expect(['no-root', 'add-url', 'add', 'pin-base-image', 'a-1', 'a-10', 'a-2'].sort(compareOrdinal)).toEqual([
      'a-1', 'a-10', 'a-2', 'add', 'add-url', 'no-root', 'pin-base-image',
    ]);
    expect(compareOrdinal('same', 'same')).toBe(0);
    expect(compareOrdinal('B', 'a')).toBeLessThan(0); // upper case first, unlike a locale's order
  });
});
