/**
 * The TUI's state and how keys change it, as a reducer: tested without rendering anything.
 */
export type Screen = 'menu' | 'detail';

export interface NavigationState {
  screen: Screen;
  /** Selected entry in the menu. */
  cursor: number;
  /** First visible line of the open entry. */
  scroll: number;
  /** How many hints of the open challenge are shown. */
  hintsShown: number;
}

export type NavigationAction =
  | { type: 'move'; delta: number; entries: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'scroll'; delta: number; lines: number; rows: number }
  | { type: 'hint'; available: number };

export const initialNavigation: NavigationState = { screen: 'menu', cursor: 0, scroll: 0, hintsShown: 0 };

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));

export function navigate(state: NavigationState, action: NavigationAction): NavigationState {
  switch (action.type) {
    case 'move':
      return state.screen === 'menu' ? { ...state, cursor: clamp(state.cursor + action.delta, 0, action.entries - 1) } : state;
    case 'open':
      return state.screen === 'menu' ? { ...state, screen: 'detail', scroll: 0, hintsShown: 0 } : state;
    case 'back':
      return { ...state, screen: 'menu' };
    case 'scroll':
      return state.screen === 'detail' ? { ...state, scroll: clamp(state.scroll + action.delta, 0, action.lines - action.rows) } : state;
    case 'hint':
      return state.screen === 'detail' ? { ...state, hintsShown: Math.min(state.hintsShown + 1, action.available) } : state;
  }
}

/**
 * Hard-wraps text to a width at spaces, so the number of screen rows is known and scrolling
 * is exact (Ink's own wrapping would make long lines take rows we did not count).
 */
export function wrapLines(text: string, width: number): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.length <= width) {
      out.push(line);
      continue;
    }
    // Continuation rows hang under the text of a list item, not under its bullet.
    const indent = ' '.repeat(/^\s*(?:[-*+] |\d+\. )?/.exec(line)?.[0].length ?? 0);
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      const at = cut > indent.length ? cut : width;
      out.push(rest.slice(0, at));
      rest = indent + rest.slice(at).trimStart();
      if (rest.trim() === '') break;
    }
    out.push(rest);
  }
  return out;
}
