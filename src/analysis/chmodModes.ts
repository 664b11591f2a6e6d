/**
 * Reads the modes that `chmod` commands in a script apply, so rules can tell a command that sets
 * the setuid bit (`chmod u+s`, `chmod 4755`) from one that strips it (`chmod a-s`) or one that
 * makes files world-writable (`chmod 777`).
 */
import { splitCommands } from './shellCommands.js';

export interface ChmodUse {
  /** The mode argument as written: `4755`, `u+s`, `a-s`, `-s`. */
  mode: string;
  /** The whole chmod command, for messages. */
  command: string;
}

/**
 * Every `chmod` in a script, including the one inside `find ... -exec chmod a-s {} +`.
 *
 * @example chmodUses('chmod -R 777 /app').map((use) => use.mode) // ['777']
 */
export function chmodUses(script: string): ChmodUse[] {
  const uses: ChmodUse[] = [];
  for (const command of splitCommands(script)) {
    command.words.forEach((word, index) => {
      const rest = command.words.slice(index + 1);
      // `chmod`, `/bin/chmod`, `busybox chmod` all change modes.
      if (word === 'chmod' || word.endsWith('/chmod')) {
        const mode = rest.find((arg) => !isOption(arg));
        if (mode !== undefined) uses.push({ mode, command: command.words.slice(index).join(' ') });
      }
      // `install -m 4755 src dst` (or `--mode=4755`, `-m4755`) sets a mode as it copies.
      if (word === 'install' || word.endsWith('/install')) {
        const flagAt = rest.findIndex((arg) => arg === '-m' || arg === '--mode');
        const inline = rest.map((arg) => /^(?:--mode=|-m)(.+)$/.exec(arg)?.[1]).find((mode) => mode !== undefined);
        const mode = flagAt !== -1 ? rest[flagAt + 1] : inline;
        if (mode !== undefined) uses.push({ mode, command: command.words.slice(index).join(' ') });
      }
    });
  }
  return uses;
}

/** `-R`, `--recursive`, `-v` are options; `-s`, `-w` (GNU's mode-like options) are modes. */
function isOption(arg: string): boolean {
  if (/^-[rwxXst]+$/.test(arg)) return false;
  return arg.startsWith('-');
}

/** Symbolic clauses of a mode: `u+s,g-w` -> [{ who: 'u', op: '+', perms: 's' }, ...]. */
function symbolicClauses(mode: string): { who: string; op: string; perms: string }[] {
  return mode.split(',').flatMap((clause) => {
    const match = /^([ugoa]*)((?:[-+=][rwxXst]*)+)$/.exec(clause);
    if (!match) return [];
    const who = match[1] ?? '';
    return [...(match[2] ?? '').matchAll(/([-+=])([rwxXst]*)/g)].map((op) => ({ who, op: op[1] ?? '', perms: op[2] ?? '' }));
  });
}

/** True when the mode turns on setuid or setgid: `4755`, `2755`, `u+s`, `+s`, `g=s`. */
export function setsSetuidOrSetgid(mode: string): boolean {
  if (/^[0-7]{4,5}$/.test(mode)) return (Number.parseInt(mode.slice(-4, -3), 8) & 0b110) !== 0;
  return symbolicClauses(mode).some((clause) => clause.op !== '-' && clause.perms.includes('s'));
}

/** True when the mode turns setuid/setgid off: `a-s`, `u-s`, `-s`. */
export function stripsSetuidOrSetgid(mode: string): boolean {
  return symbolicClauses(mode).some((clause) => clause.op === '-' && clause.perms.includes('s'));
}

/**
 * True when the mode lets every user write: `777`, `0666`, `o+w`, `a+rwx`. The sticky-bit
 * `1777` of a shared temp directory is the accepted exception.
 */
export function makesWorldWritable(mode: string): boolean {
  if (/^[0-7]{3,5}$/.test(mode)) {
    const special = mode.length >= 4 ? Number.parseInt(mode.slice(-4, -3), 8) : 0;
    const others = Number.parseInt(mode.slice(-1), 8);
    return (others & 0b010) !== 0 && (special & 0b001) === 0;
  }
  return symbolicClauses(mode).some((clause) => clause.op !== '-' && clause.perms.includes('w') && (clause.who.includes('o') || clause.who.includes('a')));
}
