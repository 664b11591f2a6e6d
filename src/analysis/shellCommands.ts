/**
 * Just enough shell reading for Dockerfile RUN lines and CI scripts: split a command line into
 * simple commands (at `&&`, `||`, `;`, `|` and newlines) and drop the prefixes that do not
 * change which program runs (`FOO=bar`, `sudo`, `env`). Quotes are respected when splitting,
 * so `echo "a && b"` stays one command. Not a shell parser, and it does not pretend to be.
 */
import type { DockerInstruction } from '../parse/dockerfile.js';

export interface SimpleCommand {
  /** The command without leading assignments or `sudo`/`env`, e.g. `npm run build`. */
  text: string;
  /** Its words, split on whitespace (quotes stripped). */
  words: string[];
  /** What separated it from the next command: `&&`, `||`, `|`, `;`, newline or end. */
  followedBy: string;
}

/**
 * The scripts split lately: a dozen rules split each RUN line of a file, one after another, so
 * the file's few scripts are split once. Small and dropped when full, since a run's files pass
 * one at a time; the results are frozen, since the rules share them.
 */
const recentlySplit = new Map<string, readonly SimpleCommand[]>();
const RECENT_SCRIPTS = 64;

/**
 * @example splitCommands('apt-get update && sudo apt-get install -y gcc').map((c) => c.text)
 *   // ['apt-get update', 'apt-get install -y gcc']
 */
export function splitCommands(script: string): readonly SimpleCommand[] {
  let commands = recentlySplit.get(script);
  if (commands === undefined) {
    if (recentlySplit.size >= RECENT_SCRIPTS) recentlySplit.clear();
    const split = splitScript(script);
    for (const command of split) {
      Object.freeze(command.words);
      Object.freeze(command);
    }
    commands = Object.freeze(split);
    recentlySplit.set(script, commands);
  }
  return commands;
}

function splitScript(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  // The command being read is `current` plus the stretch of the script from `from` on: whole
  // stretches are sliced out rather than built a character at a time (every RUN line of a run
  // passes through here, several times).
  let current = '';
  let from = 0;
  let quote: number | undefined;
  const flush = (separator: string): void => {
    const command = toSimpleCommand(current, separator);
    if (command) commands.push(command);
    current = '';
  };
  for (let index = 0; index < script.length; index++) {
    const char = script.charCodeAt(index);
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
      continue;
    }
    const next = script.charCodeAt(index + 1);
    if (char === DOUBLE_QUOTE || char === SINGLE_QUOTE) {
      quote = char;
    } else if (char === BACKSLASH && next === NEWLINE) {
      current += script.slice(from, index) + ' ';
      index++;
      from = index + 1;
    } else if ((char === AMPERSAND && next === AMPERSAND) || (char === BAR && next === BAR)) {
      current += script.slice(from, index);
      flush(char === AMPERSAND ? '&&' : '||');
      index++;
      from = index + 1;
    } else if (char === BAR || char === SEMICOLON || char === NEWLINE) {
      current += script.slice(from, index);
      flush(script[index] as string);
      from = index + 1;
    }
  }
  current += script.slice(from);
  flush('');
  return commands;
}

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const AMPERSAND = 0x26;
const BAR = 0x7c;
const SEMICOLON = 0x3b;

const TRANSPARENT_PREFIXES = new Set(['sudo', 'env', 'exec', 'command', 'time', 'nice']);

function toSimpleCommand(raw: string, followedBy: string): SimpleCommand | undefined {
  const words = raw.trim().split(/\s+/).filter(Boolean).map((word) => word.replace(/^["']|["']$/g, ''));
  let start = 0;
  while (start < words.length) {
    const word = words[start] ?? '';
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(word) || TRANSPARENT_PREFIXES.has(word) || (start > 0 && word.startsWith('-') && words[start - 1] === 'sudo')) start++;
    else break;
  }
  const rest = words.slice(start);
  if (rest.length === 0) return undefined;
  return { text: rest.join(' '), words: rest, followedBy };
}

/**
 * The shell text of a RUN: the command as written; for the exec form, the script a shell is
 * handed with `-c` (`["sh", "-c", "wget -qO- … | sh"]` runs that pipeline), else the words joined.
 */
export function runScript(instruction: DockerInstruction): string {
  if (!instruction.jsonForm) return instruction.text;
  const [program = '', option = '', script] = instruction.args;
  if (script !== undefined && EXEC_FORM_SHELLS.test(program) && /^-[a-z]*c[a-z]*$/.test(option)) return instruction.args.slice(2).join(' ');
  return instruction.args.join(' ');
}

/** Shells whose `-c` takes a script: `sh`, `/bin/bash`, `/usr/bin/env`-free spellings. */
const EXEC_FORM_SHELLS = /^(?:\/(?:usr\/)?bin\/)?(?:sh|bash|ash|dash|zsh|ksh)$/;
