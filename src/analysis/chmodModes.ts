/**
 * Reads the modes that `chmod` commands in a script apply, so rules can tell a command that sets
 * the setuid bit (`chmod u+s`, `chmod 4755`) from one that strips it (`chmod a-s`) or one that
 * makes files world-writable (`chmod 777`).
 */
import { splitCommands } from './shellCommands.js';

export interface ChmodUse {
  /** The mode argument as written: `4755`, `u+s`, `a-s`, `-s`. */
  mode: string;
  /** The whole command, for messages. */
  command: string;
  /**
   * True when the mode can only land on directories: `install -d`, `mkdir -m`, `find -type d
   * -exec chmod`, or a chmod (not recursive) whose every target is a directory the script just
   * created or wrote with a trailing slash. On a directory, setgid only makes new files inherit
   * the group and sticky only limits deletion; neither runs anything with more privilege (Linux
   * ignores setuid on directories), so the setuid rule leaves these alone.
   */
  directoriesOnly: boolean;
}

/**
 * Every mode a script applies: `chmod` (also `/bin/chmod`, `busybox chmod`, the one inside
 * `find ... -exec chmod a-s {} +`), `install -m` and `mkdir -m`.
 *
 * @example chmodUses('chmod -R 777 /app').map((use) => use.mode) // ['777']
 * @example chmodUses('install -d -m 3777 /srv/drop')[0]?.directoriesOnly // true
 */
/** Words that run the word after them as a program. */
const LAUNCHERS = new Set(['sudo', 'xargs', '-exec', '-execdir', '-ok', 'env', 'command', 'exec', 'nohup', 'nice', 'time', 'busybox', 'doas', 'su-exec', 'gosu']);

/** Whether the word at `index` follows a launcher, perhaps past a few of its options (`xargs -0 chmod`). */
function runsAsProgram(words: readonly string[], index: number): boolean {
  for (let before = index - 1; before >= 0 && before >= index - 4; before--) {
    const word = words[before] ?? '';
    if (LAUNCHERS.has(word)) return true;
    if (!word.startsWith('-')) return false;
  }
  return false;
}

export function chmodUses(script: string): ChmodUse[] {
  const uses: ChmodUse[] = [];
  // Every word splitCommands yields is a stretch of the script (it only cuts, and trims quotes
  // off the ends), so a script that names none of the three programs has no use to find: most
  // RUN lines, which three rules would otherwise split into commands again and again.
  if (!script.includes('chmod') && !script.includes('install') && !script.includes('mkdir')) return uses;
  const createdDirectories = new Set<string>();
  for (const command of splitCommands(script)) {
    command.words.forEach((word, index) => {
      const program = word.slice(word.lastIndexOf('/') + 1);
      if (program !== 'chmod' && program !== 'install' && program !== 'mkdir') return;
      // Only where the word runs as a program: first in its command, or after a word that runs
      // the next one (`find … -exec chmod`, `xargs chmod`). `apt-get install` is not coreutils'
      // install, and taking every such word for one made a long line of them quadratic.
      if (index > 0 && !runsAsProgram(command.words, index)) return;
      const rest = command.words.slice(index + 1);
      const text = command.words.slice(index).join(' ');
      if (program === 'chmod') {
        const modeAt = rest.findIndex((arg) => !isOption(arg));
        const mode = rest[modeAt];
        if (mode === undefined) return;
        const recursive = rest.slice(0, modeAt).some((arg) => /^-[a-zA-Z]*R/.test(arg) || arg === '--recursive');
        const targets = rest.slice(modeAt + 1).filter((arg) => !arg.startsWith('-'));
        const findsDirectories = isFindForDirectories(command.words.slice(0, index));
        const everyTargetIsDirectory = targets.length > 0 && targets.every((target) => target.endsWith('/') || createdDirectories.has(normalisePath(target)));
        uses.push({ mode, command: text, directoriesOnly: findsDirectories || (!recursive && everyTargetIsDirectory) });
      }
      if (program === 'install') {
        const parsed = installArguments(rest);
        if (parsed.directory) for (const target of parsed.operands) createdDirectories.add(normalisePath(target));
        if (parsed.mode !== undefined) uses.push({ mode: parsed.mode, command: text, directoriesOnly: parsed.directory });
      }
      if (program === 'mkdir') {
        const parsed = mkdirArguments(rest);
        for (const target of parsed.operands) createdDirectories.add(normalisePath(target));
        if (parsed.mode !== undefined) uses.push({ mode: parsed.mode, command: text, directoriesOnly: true });
      }
    });
  }
  return uses;
}

/** `find /srv -type d -exec chmod g+s {} +` touches directories only. */
function isFindForDirectories(before: string[]): boolean {
  const findAt = before.findIndex((word) => word.split('/').at(-1) === 'find');
  if (findAt === -1) return false;
  const typeAt = before.indexOf('-type', findAt);
  return typeAt !== -1 && before[typeAt + 1] === 'd';
}

function normalisePath(path: string): string {
  return path.replace(/\/+$/, '');
}

/** Options of GNU/busybox `install` that take a value. */
const INSTALL_VALUE_OPTIONS = new Set(['m', 'o', 'g', 't', 'S']);

/** Reads `install -d -m 3777 dir`, `install -Dm755 src dst`, `install --mode=0755 --directory dir`. */
function installArguments(args: string[]): { mode: string | undefined; directory: boolean; operands: string[] } {
  let mode: string | undefined;
  let directory = false;
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--directory') directory = true;
    else if (arg === '--mode') mode = args[++index];
    else if (arg.startsWith('--mode=')) mode = arg.slice('--mode='.length);
    else if (/^--(?:owner|group|target-directory|suffix)$/.test(arg)) index++;
    else if (arg.startsWith('--')) continue;
    else if (arg.startsWith('-') && arg.length > 1) {
      for (let at = 1; at < arg.length; at++) {
        const letter = arg[at] ?? '';
        if (letter === 'd') directory = true;
        if (!INSTALL_VALUE_OPTIONS.has(letter)) continue;
        const value = arg.slice(at + 1) || args[++index];
        if (letter === 'm') mode = value;
        break;
      }
    } else operands.push(arg);
  }
  return { mode, directory, operands };
}

/** Reads `mkdir -p -m 2775 dir`, `mkdir -pm 1777 dir`, `mkdir --mode=0750 dir`. */
function mkdirArguments(args: string[]): { mode: string | undefined; operands: string[] } {
  let mode: string | undefined;
  const operands: string[] = [];
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] ?? '';
    if (arg === '--mode') mode = args[++index];
    else if (arg.startsWith('--mode=')) mode = arg.slice('--mode='.length);
    else if (arg.startsWith('--')) continue;
    else if (arg.startsWith('-') && arg.length > 1) {
      const at = arg.indexOf('m');
      if (at !== -1) mode = arg.slice(at + 1) || args[++index];
    } else operands.push(arg);
  }
  return { mode, operands };
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
