/**
 * Every key binding of the TUI in one table of semantic commands: the handlers ask
 * `commandFor(input, key, scope)`, the footer shows a scope's `footer` commands, and the `?`
 * screen lists them all. Tests read the same table, so help can never drift from behaviour.
 */
export type Scope = 'map' | 'search' | 'lesson' | 'quiz' | 'challenge' | 'help' | 'confirm';

export type CommandId =
  | 'up' | 'down' | 'pageUp' | 'pageDown' | 'top' | 'bottom'
  | 'open' | 'back' | 'quit' | 'help' | 'search'
  | 'takeQuiz' | 'toggle' | 'undo'
  | 'check' | 'watch' | 'edit' | 'hint' | 'diff' | 'reset' | 'skip' | 'next' | 'lesson'
  | 'yes' | 'no';

/** A key: a named key Ink reports, a character typed, or a Ctrl chord. */
export type KeySpec = { name: 'up' | 'down' | 'pageUp' | 'pageDown' | 'home' | 'end' | 'return' | 'escape' | 'backspace' } | { char: string } | { ctrl: string };

export interface KeyCommand {
  id: CommandId;
  keys: KeySpec[];
  /** How the keys are written in the footer and help. */
  keyLabel: string;
  /** One or two words for the footer. */
  label: string;
  /** The sentence the help screen shows. */
  help: string;
  scopes: readonly Scope[];
  /** Shown in the footer of these scopes (the rest are in `?` help only). */
  footer?: readonly Scope[];
}

const lists: Scope[] = ['map', 'lesson', 'quiz', 'challenge', 'help'];
const screens: Scope[] = ['map', 'lesson', 'quiz', 'challenge', 'help'];

export const keyTable: readonly KeyCommand[] = [
  { id: 'up', keys: [{ name: 'up' }, { char: 'k' }], keyLabel: '↑/k', label: 'up', help: 'Move up one line or choice', scopes: lists, footer: ['map'] },
  { id: 'down', keys: [{ name: 'down' }, { char: 'j' }], keyLabel: '↓/j', label: 'down', help: 'Move down one line or choice', scopes: lists, footer: ['map'] },
  { id: 'pageDown', keys: [{ name: 'pageDown' }, { char: ' ' }, { ctrl: 'd' }], keyLabel: 'PgDn/space', label: 'page', help: 'Page down', scopes: ['map', 'lesson', 'challenge', 'help'], footer: ['lesson'] },
  { id: 'pageUp', keys: [{ name: 'pageUp' }, { char: 'b' }, { ctrl: 'u' }], keyLabel: 'PgUp/b', label: 'page up', help: 'Page up', scopes: ['map', 'lesson', 'challenge', 'help'] },
  { id: 'top', keys: [{ name: 'home' }, { char: 'g' }], keyLabel: 'Home/g', label: 'top', help: 'Go to the top', scopes: ['map', 'lesson', 'challenge', 'help'] },
  { id: 'bottom', keys: [{ name: 'end' }, { char: 'G' }], keyLabel: 'End/G', label: 'bottom', help: 'Go to the bottom', scopes: ['map', 'lesson', 'challenge', 'help'] },
  { id: 'open', keys: [{ name: 'return' }], keyLabel: 'enter', label: 'open', help: 'Open the selected lesson or challenge; in a quiz, answer', scopes: ['map', 'search', 'quiz'], footer: ['map', 'quiz'] },
  { id: 'search', keys: [{ char: '/' }], keyLabel: '/', label: 'search', help: 'Search by title, id or checklist item', scopes: ['map'], footer: ['map'] },
  { id: 'takeQuiz', keys: [{ char: 't' }], keyLabel: 't', label: 'quiz', help: "Take the lesson's quiz", scopes: ['lesson'], footer: ['lesson'] },
  { id: 'toggle', keys: [{ char: ' ' }, { char: 'x' }], keyLabel: 'space/x', label: 'select', help: 'Select or clear a choice (select-all questions)', scopes: ['quiz'] },
  { id: 'undo', keys: [{ name: 'backspace' }], keyLabel: 'backspace', label: 'undo', help: 'Take back the last step placed (order questions)', scopes: ['quiz'] },
  { id: 'check', keys: [{ char: 'c' }], keyLabel: 'c', label: 'check', help: 'Run the check on your files now', scopes: ['challenge'], footer: ['challenge'] },
  { id: 'watch', keys: [{ char: 'w' }], keyLabel: 'w', label: 'watch', help: 'Watch mode: check again on every save', scopes: ['challenge'], footer: ['challenge'] },
  { id: 'edit', keys: [{ char: 'e' }], keyLabel: 'e', label: 'edit', help: 'Open the file in $VISUAL or $EDITOR', scopes: ['challenge'], footer: ['challenge'] },
  { id: 'hint', keys: [{ char: 'h' }], keyLabel: 'h', label: 'hint', help: 'Show the next hint', scopes: ['challenge'], footer: ['challenge'] },
  { id: 'diff', keys: [{ char: 'd' }], keyLabel: 'd', label: 'solution', help: 'Your files against the reference solution (after passing)', scopes: ['challenge'] },
  { id: 'lesson', keys: [{ char: 'l' }], keyLabel: 'l', label: 'lesson', help: 'Open the lesson behind the first failing check', scopes: ['challenge'] },
  { id: 'reset', keys: [{ char: 'r' }], keyLabel: 'r', label: 'reset', help: 'Put the broken files back (asks first; yours are kept as .bak)', scopes: ['challenge'] },
  { id: 'skip', keys: [{ char: 's' }], keyLabel: 's', label: 'skip', help: 'Skip this challenge for now and go to the next step', scopes: ['challenge'] },
  { id: 'next', keys: [{ char: 'n' }], keyLabel: 'n', label: 'next', help: 'Go to the next step in the course', scopes: ['lesson', 'quiz', 'challenge'], footer: ['challenge'] },
  { id: 'yes', keys: [{ char: 'y' }], keyLabel: 'y', label: 'yes', help: 'Confirm', scopes: ['confirm'], footer: ['confirm'] },
  { id: 'no', keys: [{ char: 'n' }, { name: 'escape' }], keyLabel: 'n/esc', label: 'no', help: 'Cancel', scopes: ['confirm'], footer: ['confirm'] },
  { id: 'back', keys: [{ name: 'escape' }], keyLabel: 'esc', label: 'back', help: 'Back to the previous screen (or end a search)', scopes: [...screens, 'search'], footer: ['lesson', 'quiz', 'challenge', 'help', 'search'] },
  { id: 'help', keys: [{ char: '?' }], keyLabel: '?', label: 'help', help: 'All keys', scopes: screens, footer: screens },
  { id: 'quit', keys: [{ char: 'q' }, { ctrl: 'c' }], keyLabel: 'q', label: 'quit', help: 'Quit (a running check removes its containers first)', scopes: [...screens, 'confirm', 'search'], footer: screens },
];

/** What Ink's useInput reports about a key press (the fields we read). */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
}

function matches(spec: KeySpec, input: string, key: KeyPress): boolean {
  if ('name' in spec) {
    switch (spec.name) {
      case 'up': return key.upArrow === true;
      case 'down': return key.downArrow === true;
      case 'pageUp': return key.pageUp === true;
      case 'pageDown': return key.pageDown === true;
      case 'home': return key.home === true;
      case 'end': return key.end === true;
      case 'return': return key.return === true;
      case 'escape': return key.escape === true;
      case 'backspace': return key.backspace === true || key.delete === true;
    }
  }
  if ('ctrl' in spec) return key.ctrl === true && input === spec.ctrl;
  return key.ctrl !== true && input === spec.char;
}

/** The command a key press means in a scope, if any. */
export function commandFor(input: string, key: KeyPress, scope: Scope): CommandId | undefined {
  return keyTable.find((command) => command.scopes.includes(scope) && command.keys.some((spec) => matches(spec, input, key)))?.id;
}

/** The footer line of a scope: `c check · w watch · …`. */
export function footerText(scope: Scope): string {
  return keyTable.filter((command) => command.footer?.includes(scope)).map((command) => `${command.keyLabel} ${command.label}`).join(' · ');
}

export const scopeTitles: Record<Scope, string> = {
  map: 'Course map', search: 'Search', lesson: 'Lesson', quiz: 'Quiz', challenge: 'Challenge', help: 'Help', confirm: 'Questions',
};
