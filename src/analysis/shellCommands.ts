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
 * @example splitCommands('apt-get update && sudo apt-get install -y gcc').map((c) => c.text)
 *   // ['apt-get update', 'apt-get install -y gcc']
 */
export function splitCommands(script: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current = '';
  let quote: string | undefined;
  const flush = (separator: string): void => {
    const command = toSimpleCommand(current, separator);
    if (command) commands.push(command);
    current = '';
  };
  for (let index = 0; index < script.length; index++) {
    const char = script[index] ?? '';
    const next = script[index + 1] ?? '';
    if (quote) {
      if (char === quote) quote = undefined;
      current += char;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === '\\' && next === '\n') {
      index++;
      current += ' ';
    } else if ((char === '&' && next === '&') || (char === '|' && next === '|')) {
      flush(char + next);
      index++;
    } else if (char === '|' || char === ';' || char === '\n') {
      flush(char);
    } else {
      current += char;
    }
  }
  flush('');
  return commands;
}

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

/** The shell text of a RUN: the command as written, or the exec-form words joined. */
export function runScript(instruction: DockerInstruction): string {
  return instruction.jsonForm ? instruction.args.join(' ') : instruction.text;
}
