/**
 * What the final image runs when started without arguments: ENTRYPOINT followed by CMD, as
 * Docker combines them, with the usual wrappers (`tini --`, `docker-entrypoint.sh`, `gosu app`)
 * looked through. Lets rules tell a server from an image that serves nothing: a language
 * runtime whose command is its interactive prompt, a shell, or a command-line tool.
 */
import type { DockerfileModel, DockerInstruction } from '../parse/dockerfile.js';
import { finalImageInstructions } from './finalImage.js';

export interface ImageCommand {
  /** The instruction that decides it (the last CMD or ENTRYPOINT), for pointing at. */
  instruction: DockerInstruction;
  /** ENTRYPOINT words then CMD words; a shell-form instruction contributes its words split on spaces. */
  argv: string[];
}

/**
 * The command of the final image, or undefined when it sets neither CMD nor ENTRYPOINT.
 * An ENTRYPOINT drops any CMD that came before it (Docker resets an inherited CMD the same way).
 */
export function imageCommand(model: DockerfileModel): ImageCommand | undefined {
  let entrypoint: DockerInstruction | undefined;
  let cmd: DockerInstruction | undefined;
  for (const instruction of finalImageInstructions(model)) {
    if (instruction.keyword === 'ENTRYPOINT') {
      entrypoint = instruction;
      cmd = undefined;
    }
    if (instruction.keyword === 'CMD') cmd = instruction;
  }
  const deciding = cmd ?? entrypoint;
  if (!deciding) return undefined;
  return { instruction: deciding, argv: [...wordsOf(entrypoint), ...wordsOf(cmd)] };
}

function wordsOf(instruction: DockerInstruction | undefined): string[] {
  if (!instruction) return [];
  return instruction.jsonForm ? instruction.args : instruction.text.trim().split(/\s+/).filter(Boolean);
}

/** Programs that start another program and get out of its way. */
const WRAPPERS = /^(?:tini|dumb-init|docker-entrypoint(?:\.sh)?|entrypoint(?:\.sh)?|gosu|su-exec|s6-setuidgid|catatonit)$/;
/** Wrappers whose next word is a user, not the program. */
const WRAPPERS_WITH_USER = new Set(['gosu', 'su-exec', 's6-setuidgid']);
/** Interpreters and shells: started without a script they open a prompt and listen on nothing. */
const INTERACTIVE = /^(?:python[0-9.]*|pypy[0-9]*|node|nodejs|deno|bun|ruby|irb|pry|php|perl|lua[0-9.]*|luajit|R|julia|ghci|erl|iex|elixir|jshell|scala|clojure|clj|groovysh|swift|ocaml|racket|sbcl|guile|tclsh|pwsh|powershell|sh|bash|ash|dash|zsh|fish|ksh|cmd|cmd\.exe)$/;
/** Flags that keep an interpreter interactive rather than naming a script (`python -i`, `php -a`, `node --inspect`). */
const INTERACTIVE_FLAGS = /^-(?:i|a|l|-interactive|-login|-inspect(?:=.*)?|-norc|-noprofile|NoLogo|NoExit)$/i;
/** Arguments that make a program print something and exit. */
const ONE_SHOT_ARGUMENTS = new Set(['--help', '-h', '-help', 'help', '--version', '-v', '-V', 'version', '--usage']);

/**
 * True when the command cannot be a server: an interpreter or shell without a script (its
 * prompt), or a program asked for its help or version, which is how command-line tool images
 * say "pass me your arguments".
 *
 * @example servesNoPort(['docker-entrypoint.sh', 'python3']) // true
 * @example servesNoPort(['node', 'server.js']) // false
 * @example servesNoPort(['httpd', '-f', '-p', '8080', '-h', '/srv/www']) // false
 */
export function servesNoPort(argv: string[]): boolean {
  const words = withoutWrappers(argv);
  const [program, ...args] = words;
  if (program === undefined) return false;
  // Only as the last word: earlier, `-h` and `-v` are usually options with a value
  // (`httpd -h /srv/www` is its document root, not a request for help).
  const last = args.at(-1);
  if (last !== undefined && ONE_SHOT_ARGUMENTS.has(last)) return true;
  return INTERACTIVE.test(baseName(program)) && args.every((arg) => INTERACTIVE_FLAGS.test(arg));
}

function withoutWrappers(argv: string[]): string[] {
  let words = argv;
  for (;;) {
    const program = baseName(words[0] ?? '');
    if (!WRAPPERS.test(program)) return words;
    words = words.slice(WRAPPERS_WITH_USER.has(program) ? 2 : 1);
    if (words[0] === '--') words = words.slice(1);
  }
}

function baseName(program: string): string {
  return program.split(/[\\/]/).at(-1) ?? program;
}
