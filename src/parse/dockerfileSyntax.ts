/**
 * The Dockerfile's syntax in one pass over its text: parser directives, comments, and each
 * instruction's keyword, flags, words and text, with positions. It reads a file the way
 * BuildKit's Dockerfile frontend does (moby/buildkit, frontend/dockerfile/parser), because the
 * build gate trusts what it says: a flag, a heredoc or an instruction boundary read differently
 * from the builder would let a RUN through unseen.
 *   - Lines end at `\n`; a `\r` before it is dropped (a lone `\r` is only a blank).
 *   - Directives (`# syntax=`, `# escape=`, `# check=`) come first; the first line that is not
 *     one (a blank line, any other comment, an instruction) ends them.
 *   - An escape character ending a line continues the instruction, unless another escape
 *     character comes right before it (`\\` ends the line with a backslash); blank lines and
 *     comment lines inside a continued instruction are dropped.
 *   - Flags are the leading `--words` of ADD, COPY, FROM, RUN and HEALTHCHECK, read with
 *     quotes as a shell reads them (`--mount="type=ssh"` is `type=ssh`); `--` ends them.
 *   - RUN, COPY and ADD (also behind ONBUILD) open a heredoc for each shell word like `<<EOF`,
 *     `<<-EOF`, `3<<"EOF"` outside quotes, unless the instruction is in JSON form; each body
 *     runs to a line that is exactly its word (after leading tabs, for its own `<<-`).
 * It agrees with dockerfile-ast, the parser shipshape used before, on ordinary files (held by
 * the test beside this file), and costs one scan of the text: dockerfile-ast recomputed each
 * instruction's words six to eight times through position searches.
 */

export interface SyntaxFlag {
  /** Without the leading `--`, as written: `mount`, `from`. */
  name: string;
  /** After the first `=`, quotes removed; null for a flag written without one (`--link`). */
  value: string | null;
}

export interface SyntaxInstruction {
  /** The keyword as written (`run`, `Run`), a continuation inside it removed. */
  word: string;
  /** The instruction's flags, in order (only ADD, COPY, FROM, RUN and HEALTHCHECK take flags). */
  flags: SyntaxFlag[];
  /** The words after the keyword and flags, escapes resolved (`\x` is `x`; `\$` stays). */
  args: string[];
  /** The JSON array's strings when the text is exec form (`CMD ["httpd", "-f"]`), else undefined. */
  execForm: string[] | undefined;
  /** From the first word after the flags to the last word: continuations joined, comment
   * lines dropped, quotes and escapes as written; heredoc bodies follow on their own lines. */
  text: string;
  /** The heredocs the instruction opens, in order. */
  heredocs: SyntaxHeredoc[];
  /** 1-based line and column of the keyword, and the line the instruction ends on. */
  line: number;
  column: number;
  endLine: number;
}

export interface SyntaxHeredoc {
  /** The terminator word, quotes removed: `EOF` for `<<"EOF"`. */
  name: string;
  /** False when the file ended before the terminator line. */
  terminated: boolean;
}

export interface SyntaxComment {
  /** Without the `#` and the whitespace around the rest. */
  text: string;
  line: number;
}

export interface SyntaxDirective {
  /** Lower-cased: `syntax`, `escape`, `check`. */
  name: string;
  value: string;
  line: number;
}

export interface DockerfileSyntax {
  directives: SyntaxDirective[];
  /** The escape character in effect: `\`, or a backtick when `# escape=`` says so. */
  escape: string;
  comments: SyntaxComment[];
  instructions: SyntaxInstruction[];
}

const DOLLAR = 0x24;

/** What Go's unicode.IsSpace takes off the start of a line (BuildKit trims with it). */
const LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
/** BuildKit's separator between a keyword and the rest of the line. */
const KEYWORD_SPACE = /[\t\v\f\r ]+/;
/** BuildKit's directive line (Go's `\s` is these five). */
// Matched against a line whose trailing space is already gone (trimEnd below): a `\s*$` after a
// variable part backtracks quadratically over a long run of blanks inside the line.
const DIRECTIVE = /^#[\t\n\f\r ]*([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=[\t\n\f\r ]*(.+)$/;
const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
/** A shell word that opens a heredoc: optional file descriptor, `<<`, optional `-`, the word. */
const HEREDOC_WORD = /^(\d*)<<(-?)([^<]*)$/;

const isBlank = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0b || code === 0x0c;

/** Instructions whose flags are leading `--words`; HEALTHCHECK's end at CMD or NONE. */
const TAKES_FLAGS = new Set(['ADD', 'COPY', 'FROM', 'RUN', 'HEALTHCHECK']);
/** Instructions whose `<<WORD` arguments open a heredoc. */
const TAKES_HEREDOCS = new Set(['ADD', 'COPY', 'RUN']);

/** One physical line, without its `\n` and any `\r` before it (and without the first line's byte order mark). */
interface Line {
  content: string;
  /** Characters before `content` on its line: 1 for a byte order mark, else 0. */
  shift: number;
}

/**
 * How a builder reads the file, where builders differ: current BuildKit reads heredocs and
 * honours `# escape=` after other directives; Engine 20.10's builders know no heredocs, and
 * older frontends end the directives at the first one that is not `escape`.
 */
export interface ReadingOptions {
  /** False to read as a builder that knows no heredocs does: `<<EOF` is then only words. */
  heredocs?: boolean;
  /** The escape character, whatever the directives say. */
  escape?: '\\' | '`';
}

/**
 * Reads a Dockerfile's syntax. Never throws: what BuildKit would refuse (an unknown keyword, a
 * heredoc never closed) is the caller's to judge.
 *
 * @example
 *   readDockerfileSyntax('FROM busybox\nRUN --network=none echo \\\n  hi\n').instructions[1]
 *   // { word: 'RUN', flags: [{ name: 'network', value: 'none' }], args: ['echo', 'hi'], text: 'echo   hi', line: 2, ... }
 */
export function readDockerfileSyntax(source: string, { heredocs = true, escape: forcedEscape }: ReadingOptions = {}): DockerfileSyntax {
  const lines = splitLines(source);
  const directives: SyntaxDirective[] = [];
  let index = 0;
  for (; index < lines.length; index++) {
    const match = DIRECTIVE.exec(trimEnd(trimLeading((lines[index] as Line).content), isDirectiveSpace));
    const name = match?.[1]?.toLowerCase();
    if (!match || name === undefined || !KNOWN_DIRECTIVES.has(name)) break;
    // BuildKit refuses a directive given twice; the first one is the one that counts here.
    if (!directives.some((directive) => directive.name === name)) directives.push({ name, value: match[2] as string, line: index + 1 });
  }
  const escapeDirective = directives.find((directive) => directive.name === 'escape');
  const escape = forcedEscape ?? (escapeDirective?.value === '`' ? '`' : '\\');
  const reader = new InstructionReader(lines, escape, heredocs);
  while (index < lines.length) index = reader.next(index);
  return { directives, escape, comments: reader.comments, instructions: reader.instructions };
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (;;) {
    let newline = text.indexOf('\n', start);
    if (newline === -1) newline = text.length;
    let end = newline;
    while (end > start && text.charCodeAt(end - 1) === 0x0d) end--;
    lines.push({ content: text.slice(start, end), shift: lines.length === 0 ? start : 0 });
    if (newline === text.length) return lines;
    start = newline + 1;
  }
}

const trimLeading = (text: string): string => text.replace(LEADING_SPACE, '');
/**
 * Trimming is written as loops, not `\s+$` patterns: a pattern anchored at the end is tried from
 * every blank of a long run inside the line and fails each time, quadratic in the run's length
 * (a 1 MiB line of spaces took minutes). These are linear.
 */
function trimEnd(text: string, isSpace: (code: number) => boolean): string {
  let end = text.length;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  return end === text.length ? text : text.slice(0, end);
}

function trimStart(text: string, isSpace: (code: number) => boolean): string {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  return start === 0 ? text : text.slice(start);
}

/** Go's unicode.IsSpace, which BuildKit trims with. */
function isGoSpace(code: number): boolean {
  return (code >= 0x09 && code <= 0x0d) || code === 0x20 || code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** The blanks of a directive line (Go's `\s`: tab, newline, form feed, carriage return, space). */
const isDirectiveSpace = (code: number): boolean => code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d || code === 0x20;
const isSpaceTabOrNewline = (code: number): boolean => code === 0x20 || code === 0x09 || code === 0x0d || code === 0x0a;

const trimSpace = (text: string): string => trimStart(trimEnd(text, isGoSpace), isGoSpace);

class InstructionReader {
  readonly comments: SyntaxComment[] = [];
  readonly instructions: SyntaxInstruction[] = [];
  private readonly continuation: RegExp;

  constructor(
    private readonly lines: Line[],
    private readonly escape: string,
    private readonly withHeredocs: boolean,
  ) {
    const e = escape === '`' ? '`' : '\\\\';
    // BuildKit's: an escape character closing the line continues it, unless one comes before it.
    this.continuation = new RegExp(`(^|[^${e}])${e}[ \\t]*$`);
  }

  /** Reads what starts at line `index` (a blank line, a comment, an instruction); returns the next line's index. */
  next(index: number): number {
    const line = this.lines[index] as Line;
    const content = trimLeading(line.content);
    if (content === '') return index + 1;
    if (content.startsWith('#')) {
      this.comments.push({ text: trimSpace(content.slice(1)), line: index + 1 });
      return index + 1;
    }
    const column = line.shift + line.content.length - content.length + 1;
    let [joined, continued] = this.withoutContinuation(content);
    let last = index;
    while (continued && last + 1 < this.lines.length) {
      last++;
      const raw = (this.lines[last] as Line).content;
      const trimmed = trimLeading(raw);
      if (trimmed.startsWith('#')) {
        this.comments.push({ text: trimSpace(trimmed.slice(1)), line: last + 1 });
        continue;
      }
      if (trimmed === '') continue;
      const [piece, goesOn] = this.withoutContinuation(raw);
      joined += piece;
      continued = goesOn;
    }
    const instruction = this.instruction(joined, index + 1, column);
    const heredocs = this.withHeredocs ? this.heredocsOf(instruction, joined) : [];
    let end = last;
    const bodies: string[] = [];
    for (const heredoc of heredocs) {
      const { terminator, terminated } = this.terminatorOf(heredoc, end + 1);
      bodies.push(...this.lines.slice(end + 1, terminated ? terminator + 1 : terminator).map((body) => body.content));
      instruction.heredocs.push({ name: heredoc.name, terminated });
      end = terminated ? terminator : this.lines.length - 1;
      if (!terminated) break;
    }
    if (bodies.length > 0 && instruction.text !== '') instruction.text = trimSpaceEnd([instruction.text + trailingOf(joined), ...bodies].join('\n'));
    instruction.endLine = end + 1;
    this.instructions.push(instruction);
    return end + 1;
  }

  /** A line without its continuation, and whether it had one. */
  private withoutContinuation(content: string): [string, boolean] {
    const match = this.continuation.exec(content);
    if (!match) return [content, false];
    return [content.slice(0, match.index) + (match[1] as string), true];
  }

  private instruction(joined: string, line: number, column: number): SyntaxInstruction {
    const trimmed = trimSpace(joined);
    const split = KEYWORD_SPACE.exec(trimmed);
    const word = split ? trimmed.slice(0, split.index) : trimmed;
    const rest = split ? trimmed.slice(split.index + split[0].length) : '';
    const keyword = word.toUpperCase();
    const { flags, remaining } = TAKES_FLAGS.has(keyword) ? builderFlags(rest) : { flags: [], remaining: rest };
    const words = this.words(remaining);
    const text = words.values.length > 0 ? remaining.slice(words.start, words.end) : '';
    return {
      word,
      flags,
      args: words.values,
      execForm: execFormOf(text),
      text,
      heredocs: [],
      line,
      column,
      endLine: line,
    };
  }

  /** The heredocs an instruction opens, as BuildKit finds them in its whole logical line. */
  private heredocsOf(instruction: SyntaxInstruction, joined: string): { name: string; chomp: boolean }[] {
    const keyword = instruction.word.toUpperCase();
    const trigger = keyword === 'ONBUILD' ? instruction.args[0]?.toUpperCase() : keyword;
    if (trigger === undefined || !TAKES_HEREDOCS.has(trigger) || !joined.includes('<<')) return [];
    // JSON form (`RUN ["sh", "-c", "cat <<EOF"]`) has no heredocs; ONBUILD's is its trigger's.
    const execForm = keyword === 'ONBUILD'
      ? execFormOf(builderFlags(trimSpace(instruction.text.slice(instruction.args[0]?.length ?? 0))).remaining)
      : instruction.execForm;
    if (execForm !== undefined) return [];
    return heredocsOfLine(joined);
  }

  /** The line index of a heredoc's terminator from `from` on, or the last line when there is none. */
  private terminatorOf(heredoc: { name: string; chomp: boolean }, from: number): { terminator: number; terminated: boolean } {
    for (let index = from; index < this.lines.length; index++) {
      const content = (this.lines[index] as Line).content;
      if ((heredoc.chomp ? content.replace(/^\t+/, '') : content) === heredoc.name) return { terminator: index, terminated: true };
    }
    return { terminator: this.lines.length, terminated: false };
  }

  /**
   * Splits the rest of a logical line into words at blanks. An escape character
   * keeps the next character in the word (`\ ` ends it, as dockerfile-ast read it), except
   * that `\$` stays as written for variable expansion to see.
   */
  private words(line: string): Words {
    const words: Words = { values: [], start: 0, end: 0 };
    const length = line.length;
    const escape = this.escape.charCodeAt(0);
    let i = 0;
    while (i < length) {
      while (i < length && isBlank(line.charCodeAt(i))) i++;
      if (i >= length) break;
      const start = i;
      // Most words hold no escape character: they are sliced whole, not built a character at a time.
      while (i < length && !isBlank(line.charCodeAt(i)) && line.charCodeAt(i) !== escape) i++;
      if (i >= length || isBlank(line.charCodeAt(i))) {
        addWord(words, line.slice(start, i), start, i);
        continue;
      }
      let value = line.slice(start, i);
      let end = i;
      while (i < length && !isBlank(line.charCodeAt(i))) {
        if (line.charCodeAt(i) !== escape) {
          value += line[i];
          end = ++i;
          continue;
        }
        const next = line.charCodeAt(i + 1);
        // An escape at the very end is dropped; one before a blank ends the word.
        if (Number.isNaN(next) || isBlank(next)) {
          i++;
          break;
        }
        value += next === DOLLAR ? line.slice(i, i + 2) : line[i + 1];
        i += 2;
        end = i;
      }
      if (value !== '' || end > start) addWord(words, value, start, end);
    }
    return words;
  }
}

/** A line's words, and where the first starts and the last ends (offsets in the line). */
interface Words {
  values: string[];
  start: number;
  end: number;
}

function addWord(words: Words, value: string, start: number, end: number): void {
  if (words.values.length === 0) words.start = start;
  words.values.push(value);
  words.end = end;
}

/** What follows the last word of a logical line (its trailing blanks), kept before a heredoc body. */
function trailingOf(joined: string): string {
  let start = joined.length;
  while (start > 0 && (joined.charCodeAt(start - 1) === 0x20 || joined.charCodeAt(start - 1) === 0x09)) start--;
  return joined.slice(start);
}

const trimSpaceEnd = (text: string): string => trimEnd(text, isSpaceTabOrNewline);

/**
 * BuildKit's reading of an instruction's flags (extractBuilderFlags): leading words that start
 * with `--`, split at blanks outside quotes, quotes removed and `\` escaping the next character
 * (not inside single quotes); a bare `--` ends them. Returns the flags and the rest of the line.
 */
export function builderFlags(line: string): { flags: SyntaxFlag[]; remaining: string } {
  const words: string[] = [];
  let pos = 0;
  for (;;) {
    while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
    if (pos >= line.length || !line.startsWith('--', pos)) break;
    let word = '';
    let quote: string | undefined;
    let quoted = false;
    for (; pos < line.length; pos++) {
      const ch = line[pos] as string;
      if (quote !== undefined) {
        if (ch === quote) quote = undefined;
        else if (ch === '\\' && quote !== "'" && pos + 1 < line.length) word += line[++pos];
        else if (ch !== '\\' || quote === "'") word += ch;
        continue;
      }
      if (isBlank(ch.charCodeAt(0))) break;
      if (ch === "'" || ch === '"') {
        quote = ch;
        quoted = true;
      } else if (ch === '\\') {
        if (pos + 1 < line.length) word += line[++pos];
      } else {
        word += ch;
      }
    }
    if (word === '--') {
      while (pos < line.length && isBlank(line.charCodeAt(pos))) pos++;
      break;
    }
    if (word !== '' || quoted) words.push(word);
  }
  const flags = words.map((word) => {
    const equals = word.indexOf('=');
    return equals === -1 ? { name: word.slice(2), value: null } : { name: word.slice(2, equals), value: word.slice(equals + 1) };
  });
  return { flags, remaining: line.slice(pos) };
}

/** Exec form is a JSON array of strings; anything else is shell form (as BuildKit decides). */
function execFormOf(text: string): string[] | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) return parsed;
  } catch {
    // Not valid JSON: BuildKit then runs it as a shell command, and so do we.
  }
  return undefined;
}

/**
 * The heredocs of a logical line, as BuildKit's heredocsFromLine finds them: the line is split
 * into shell words with quotes kept, and each word of the form `[n]<<[-]WORD` opens one, named
 * WORD with its quotes removed (`<<"EOF"` is EOF; `'x <<EOF'` is one quoted word, not a heredoc).
 */
export function heredocsOfLine(line: string): { name: string; chomp: boolean }[] {
  const heredocs: { name: string; chomp: boolean }[] = [];
  for (const word of shellWords(line)) {
    const match = HEREDOC_WORD.exec(word);
    if (!match || match[3] === '') continue;
    const name = unquoteWord(match[3] as string);
    if (name === undefined || name === '') continue;
    heredocs.push({ name, chomp: match[2] === '-' });
  }
  return heredocs;
}

/** Shell words with their quotes and escapes kept as written; an unclosed quote runs to the end. */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (isBlank(ch.charCodeAt(0)) || ch === '\n') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    if (ch === '\\' && i + 1 < line.length) {
      word += ch + line[++i];
    } else if (ch === "'" || ch === '"') {
      const close = ch === "'" ? line.indexOf("'", i + 1) : closingDoubleQuote(line, i + 1);
      const end = close === -1 ? line.length - 1 : close;
      word += line.slice(i, end + 1);
      i = end;
    } else {
      word += ch;
    }
  }
  if (inWord) words.push(word);
  return words;
}

function closingDoubleQuote(line: string, from: number): number {
  for (let i = from; i < line.length; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '"') return i;
  }
  return -1;
}

/** One shell word with its quotes removed; undefined when it holds a blank outside quotes. */
function unquoteWord(word: string): string | undefined {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word[i] as string;
    if (ch === "'") {
      const close = word.indexOf("'", i + 1);
      const end = close === -1 ? word.length : close;
      out += word.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      let j = i + 1;
      for (; j < word.length && word[j] !== '"'; j++) out += word[j] === '\\' && j + 1 < word.length ? word[++j] : word[j];
      i = j;
    } else if (ch === '\\' && i + 1 < word.length) {
      out += word[++i];
    } else if (isBlank(ch.charCodeAt(0))) {
      return undefined;
    } else {
      out += ch;
    }
  }
  return out;
}
