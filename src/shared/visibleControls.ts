/**
 * Text from a learner's or a stranger's repository (file names, words quoted from a file) made
 * safe to print on a terminal or in a CI log: every control character (C0, DEL, C1) is shown as
 * `\xNN` (newline and tab as `\n` and `\t`) instead of being sent. A file named
 * `d\e]0;title\a` would otherwise retitle the terminal, and one holding a newline would forge a
 * line of the report (or a GitHub workflow command).
 *
 * @example visibleControls('a\u001b[31mb') // 'a\\x1b[31mb'
 */
export function visibleControls(text: string): string {
  return CONTROLS.test(text) ? text.replace(CONTROLS_ALL, shown) : text;
}

const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROLS_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

function shown(char: string): string {
  if (char === '\n') return '\\n';
  if (char === '\t') return '\\t';
  return `\\x${char.charCodeAt(0).toString(16).padStart(2, '0')}`;
}
