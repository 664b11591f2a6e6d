import { describe, expect, it } from 'vitest';
import { visibleControls } from './visibleControls.js';

describe('visibleControls', () => {
  it.each([
    ['an ANSI colour', 'd\u001b[31mx', 'd\\x1b[31mx'],
    ['an OSC title with BEL', 'd\u001b]0;TITLE\u0007', 'd\\x1b]0;TITLE\\x07'],
    ['a newline that would forge a line', 'd1\n::error file=evil.js::INJECTED', 'd1\\n::error file=evil.js::INJECTED'],
    ['a carriage return, a tab, DEL and a C1 control', 'a\rb\tc\u007fd\u009be', 'a\\x0db\\tc\\x7fd\\x9be'],
  ])('shows %s instead of sending it', (_name, text, shown) => {
    expect(visibleControls(text)).toBe(shown);
  });
  it('leaves ordinary text, Unicode included, as it is', () => {
    expect(visibleControls('deploy/ünïcødé/Dockerfile')).toBe('deploy/ünïcødé/Dockerfile');
  });
});
