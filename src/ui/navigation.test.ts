import { describe, expect, it } from 'vitest';
import { initialNavigation, navigate, wrapLines } from './navigation.js';

describe('navigate', () => {
  it('moves within the menu and stops at both ends', () => {
    const down = navigate(initialNavigation, { type: 'move', delta: 5, entries: 3 });
    expect(down.cursor).toBe(2);
    expect(navigate(down, { type: 'move', delta: -9, entries: 3 }).cursor).toBe(0);
  });

  it('opens an entry at its top with no hints shown, and goes back to the same place', () => {
    const moved = navigate(initialNavigation, { type: 'move', delta: 1, entries: 3 });
    const opened = navigate({ ...moved, scroll: 7, hintsShown: 2 }, { type: 'open' });
    expect(opened).toMatchObject({ screen: 'detail', cursor: 1, scroll: 0, hintsShown: 0 });
    expect(navigate(opened, { type: 'back' })).toMatchObject({ screen: 'menu', cursor: 1 });
  });

  it('scrolls only as far as the last screenful', () => {
    const opened = navigate(initialNavigation, { type: 'open' });
    expect(navigate(opened, { type: 'scroll', delta: 100, lines: 50, rows: 20 }).scroll).toBe(30);
    expect(navigate(opened, { type: 'scroll', delta: 10, lines: 5, rows: 20 }).scroll).toBe(0);
  });

  it('reveals hints one at a time, up to the last', () => {
    let state = navigate(initialNavigation, { type: 'open' });
    for (let i = 0; i < 5; i++) state = navigate(state, { type: 'hint', available: 3 });
    expect(state.hintsShown).toBe(3);
  });

  it('ignores keys that do not apply to the screen', () => {
    expect(navigate(initialNavigation, { type: 'hint', available: 3 })).toEqual(initialNavigation);
    const opened = navigate(initialNavigation, { type: 'open' });
    expect(navigate(opened, { type: 'move', delta: 1, entries: 3 })).toEqual(opened);
  });
});

describe('wrapLines', () => {
  it('wraps at spaces, keeping indentation', () => {
    expect(wrapLines('  alpha beta gamma delta', 12)).toEqual(['  alpha beta', '  gamma', '  delta']);
  });
  it('hangs list item continuations under the text', () => {
    expect(wrapLines('- alpha beta gamma', 12)).toEqual(['- alpha beta', '  gamma']);
  });
  it('cuts words longer than the width', () => {
    expect(wrapLines('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
  });
});
