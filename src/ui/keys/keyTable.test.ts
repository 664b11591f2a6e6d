import { describe, expect, it } from 'vitest';
import { commandFor, footerText, keyTable, type Scope } from './keyTable.js';

describe('key table', () => {
  it('maps arrows and vim keys to the same commands', () => {
    expect(commandFor('', { downArrow: true }, 'map')).toBe('down');
    expect(commandFor('j', {}, 'map')).toBe('down');
    expect(commandFor('k', {}, 'lesson')).toBe('up');
    expect(commandFor('', { pageDown: true }, 'map')).toBe('pageDown');
  });

  it('gives every key at most one meaning in a scope', () => {
    const scopes: Scope[] = ['map', 'search', 'lesson', 'quiz', 'challenge', 'help', 'confirm'];
    for (const scope of scopes) {
      const seen = new Map<string, string>();
      for (const command of keyTable.filter((c) => c.scopes.includes(scope))) {
        for (const key of command.keys) {
          const name = JSON.stringify(key);
          expect(seen.get(name), `${name} in ${scope}`).toBeUndefined();
          seen.set(name, command.id);
        }
      }
    }
  });

  it('quits on q and Ctrl-C everywhere, Ctrl-C in a search too', () => {
    expect(commandFor('c', { ctrl: true }, 'challenge')).toBe('quit');
    expect(commandFor('c', { ctrl: true }, 'search')).toBe('quit');
    expect(commandFor('q', {}, 'map')).toBe('quit');
    // Ctrl-C is not `c` (check).
    expect(commandFor('c', { ctrl: true }, 'challenge')).not.toBe('check');
  });

  it('builds the footer from the same table', () => {
    expect(footerText('challenge')).toContain('c check');
    expect(footerText('challenge')).toContain('w watch');
    expect(footerText('map')).toContain('/ search');
  });
});
