/**
 * The Dockerfile's syntax in one pass over its text: parser directives, comments, and each
 * instruction's keyword, flags, words and text, with positions. It reads a file the way
 * BuildKit's frontend does (an escape character at the end of a line continues the instruction;
 * blank lines and comment lines inside a continued instruction are dropped; heredocs of RUN,
 * COPY and ADD run to their terminator line), and it agrees with dockerfile-ast, the parser
 * shipshape used before, on every ordinary file (held by the test beside this file). Where
 * dockerfile-ast read a file differently from BuildKit, this follows BuildKit:
 *   - a comment line inside a continued instruction is not part of the instruction's text;
 *   - a one-character continuation line (`b\`) is kept in the text;
 *   - a heredoc's body is the heredoc's, not more words of the instruction (`COPY <<EOF /x`
 *     copies to `/x`, whatever the body says);
 *   - flags are the leading `--words` only (`RUN echo--x --y` has none);
 *   - a directive may be followed by spaces and another directive.
 * The reading costs one scan of the text and one string per word: dockerfile-ast recomputed
 * each instruction's words from the text six to eight times, through position searches, and
 * was a third of linting a repository of Dockerfiles.
 */

export interface SyntaxFlag {
  /** Without the leading `--`, as written: `mount`, `from`. */
  name: string;
  /** After the first `=`; null for a flag written without one (`--link`). */
  value: string | null;
}

export interface SyntaxInstruction {
  /** The keyword as written (`run`, `Run`), a continuation inside it removed. */
  word: string;
  /** The instruction's flags, in order (only ADD, COPY, FROM, RUN and HEALTHCHECK take flags). */
  flags: SyntaxFlag[];
  /** The words after the keyword and flags, escapes resolved (`\x` is `x`; `\$` stays). */
  args: string[];
  /** From the first word after the flags to the last word: continuations joined, comment
   * lines dropped, quotes and escapes as written; a heredoc's lines follow the first line. */
  text: string;
  /** 1-based line and column of the keyword, and the line the instruction ends on. */
  line: number;
  column: number;
  endLine: number;
}

export interface SyntaxComment {
  /** Without the `#` and the whitespace around the rest. */
  text: string;
  line: number;
}

export interface SyntaxDirective {
  /** As written: `syntax`, `Escape`. */
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

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const HASH = 0x23;
const DOLLAR = 0x24;
const BOM = 0xfeff;

const isBlank = (code: number): boolean => code === SPACE || code === TAB;
const isBreak = (code: number): boolean => code === LF || code === CR;
/** Only spaces and tabs (and line breaks, for comments) count as space here, as in BuildKit:
 * String.prototype.trim would also take a no-break space off a value. */
const trimBlanks = (text: string): string => text.replace(/^[ \t]+|[ \t]+$/g, '');
const trimSpace = (text: string): string => text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
const trimSpaceEnd = (text: string): string => text.replace(/[ \t\r\n]+$/, '');

/** Instructions whose flags are leading `--words`; HEALTHCHECK's end at CMD or NONE. */
const TAKES_FLAGS = new Set(['ADD', 'COPY', 'FROM', 'RUN', 'HEALTHCHECK']);
/** Instructions whose `<<WORD` arguments open a heredoc. */
const TAKES_HEREDOCS = new Set(['ADD', 'COPY', 'RUN']);

/**
 * Reads a Dockerfile's syntax. Never throws: what BuildKit would refuse (an unknown keyword, a
 * heredoc never closed) is the caller's to judge.
 *
 * @example
 *   readDockerfileSyntax('FROM busybox\nRUN --network=none echo \\\n  hi\n').instructions[1]
 *   // { word: 'RUN', flags: [{ name: 'network', value: 'none' }], args: ['echo', 'hi'], text: 'echo   hi', line: 2, ... }
 */
export function readDockerfileSyntax(source: string): DockerfileSyntax {
  const lines = new LineIndex(source);
  const start = source.charCodeAt(0) === BOM ? 1 : 0;
  const { directives, end: afterDirectives } = readDirectives(source, start, lines);
  const escapeDirective = directives.find((directive) => directive.name.toLowerCase() === 'escape');
  const escape = escapeDirective && (escapeDirective.value === '`' || escapeDirective.value === '\\') ? escapeDirective.value : '\\';
  const reader = new InstructionReader(source, escape.charCodeAt(0), lines);
  const length = source.length;
  for (let i = afterDirectives; i < length; i++) {
    const code = source.charCodeAt(i);
    if (isBlank(code) || isBreak(code)) continue;
    i = code === HASH ? reader.comment(i) : reader.instruction(i);
  }
  return { directives, escape, comments: reader.comments, instructions: reader.instructions };
}

/** Line starts, for turning offsets into 1-based lines; `\r\n`, `\r` and `\n` each end a line. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === CR) {
        if (text.charCodeAt(i + 1) === LF) i++;
        this.starts.push(i + 1);
      } else if (code === LF) {
        this.starts.push(i + 1);
      }
    }
  }

  /** 1-based line of an offset; the offset of a line break belongs to the line it ends. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  }

  startOf(line: number): number {
    return this.starts[line - 1] as number;
  }
}

/** Offset of the line break (or the end of the text) that ends the line holding `from`. */
function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (isBreak(text.charCodeAt(i))) return i;
  }
  return text.length;
}

/** Offset just past the line break at `at` (a `\r\n` counts as one). */
function pastBreak(text: string, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? at + 2 : at + 1;
}

/**
 * Parser directives: `# name=value` lines at the very top of the file. The first line that is
 * blank, an instruction, or a comment without `=` ends them; that line is read as usual.
 */
function readDirectives(text: string, start: number, lines: LineIndex): { directives: SyntaxDirective[]; end: number } {
  const directives: SyntaxDirective[] = [];
  let at = start;
  while (at < text.length) {
    let i = at;
    while (isBlank(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) !== HASH) break;
    const end = lineEnd(text, i);
    const equals = text.indexOf('=', i);
    if (equals === -1 || equals > end) break;
    // The name is the first word after `#`; a comment like `# see a=b` names `see`.
    const before = trimBlanks(text.slice(i + 1, equals));
    if (before === '') break;
    const name = before.split(/[ \t]/, 1)[0] as string;
    const after = text.slice(equals + 1, end);
    const value = trimBlanks(after) === '' ? after : (trimBlanks(after).split(/[ \t]/, 1)[0] as string);
    directives.push({ name, value, line: lines.lineOf(i) });
    if (end === text.length) return { directives, end };
    at = pastBreak(text, end);
  }
  return { directives, end: at };
}

/** One physical stretch of an instruction's logical line: [start, end) of the text. */
interface Piece {
  start: number;
  end: number;
}

class InstructionReader {
  readonly comments: SyntaxComment[] = [];
  readonly instructions: SyntaxInstruction[] = [];

  constructor(
    private readonly text: string,
    private readonly escape: number,
    private readonly lines: LineIndex,
  ) {}

  /** Records the comment starting at `start`; returns the offset of the break that ends it. */
  comment(start: number): number {
    const end = lineEnd(this.text, start);
    this.comments.push({ text: trimSpace(this.text.slice(start + 1, end)), line: this.lines.lineOf(start) });
    return end;
  }

  /** Reads the instruction starting at `start`; returns the offset of its last character's break. */
  instruction(start: number): number {
    const { pieces, end: logicalEnd } = this.logicalLine(start);
    const joined = pieces.length === 1 ? this.text.slice((pieces[0] as Piece).start, (pieces[0] as Piece).end) : pieces.map((piece) => this.text.slice(piece.start, piece.end)).join('');
    // A line of only an escape character continues into the next: the keyword is on that one.
    let keywordStart = 0;
    while (keywordStart < joined.length && isBlank(joined.charCodeAt(keywordStart))) keywordStart++;
    let keywordEnd = keywordStart;
    while (keywordEnd < joined.length && !isBlank(joined.charCodeAt(keywordEnd))) keywordEnd++;
    const word = joined.slice(keywordStart, keywordEnd);
    const keyword = word.toUpperCase();
    const words = this.words(joined, keywordEnd);
    let flagCount = 0;
    const flags: SyntaxFlag[] = [];
    if (TAKES_FLAGS.has(keyword)) {
      for (const candidate of words) {
        if (!candidate.value.startsWith('--')) break;
        if (keyword === 'HEALTHCHECK' && /^(?:CMD|NONE)$/i.test(candidate.value)) break;
        const equals = candidate.value.indexOf('=');
        flags.push(equals === -1 ? { name: candidate.value.slice(2), value: null } : { name: candidate.value.slice(2, equals), value: candidate.value.slice(equals + 1) });
        flagCount++;
      }
    }
    const args = words.slice(flagCount);
    const first = args[0];
    const last = args.at(-1);
    let text = first && last ? joined.slice(first.start, last.end) : '';
    let end = logicalEnd;

    const trigger = keyword === 'ONBUILD' ? args[0]?.value.toUpperCase() : keyword;
    const heredocWords = keyword === 'ONBUILD' ? withoutLeadingFlags(args.slice(1)) : args;
    if (trigger !== undefined && TAKES_HEREDOCS.has(trigger) && logicalEnd < this.text.length && joined.includes('<<')) {
      const heredocs = heredocNames(heredocWords.map((candidate) => candidate.value));
      for (const heredoc of heredocs.names) end = this.heredocEnd(heredoc, end, heredocs.tabsStripped);
      // `first` is there: a heredoc is one of the words.
      if (end > logicalEnd && first) text = joined.slice(first.start) + trimSpaceEnd(this.text.slice(logicalEnd, end));
    }

    this.instructions.push({
      word,
      flags,
      args: args.map((candidate) => candidate.value),
      text,
      line: this.lines.lineOf(start),
      column: start - this.lines.startOf(this.lines.lineOf(start)) + 1,
      endLine: this.lines.lineOf(end),
    });
    return end;
  }

  /**
   * The instruction's logical line from `start`: the physical lines it continues over, each
   * without its continuation (the escape character, trailing blanks and the break), with blank
   * lines and comment lines in between dropped. Ends at the first break not continued.
   */
  private logicalLine(start: number): { pieces: Piece[]; end: number } {
    const text = this.text;
    const pieces: Piece[] = [];
    let pieceStart = start;
    let i = start;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (isBreak(code)) {
        pieces.push({ start: pieceStart, end: i });
        return { pieces, end: i };
      }
      if (code === this.escape) {
        let after = i + 1;
        while (isBlank(text.charCodeAt(after))) after++;
        if (after < text.length && isBreak(text.charCodeAt(after))) {
          pieces.push({ start: pieceStart, end: i });
          const next = this.nextContinuedLine(pastBreak(text, after));
          if (next === undefined) return { pieces, end: text.length };
          pieceStart = i = next;
          continue;
        }
        if (after >= text.length) {
          // An escape with nothing after it but blanks: the file ends the instruction.
          pieces.push({ start: pieceStart, end: i });
          return { pieces, end: text.length };
        }
      }
      i++;
    }
    pieces.push({ start: pieceStart, end: text.length });
    return { pieces, end: text.length };
  }

  /**
   * Where a continued instruction goes on: the start of the next line that is neither blank
   * nor a comment (the comments are recorded); undefined when the file ends first.
   */
  private nextContinuedLine(from: number): number | undefined {
    const text = this.text;
    let at = from;
    while (at < text.length) {
      let i = at;
      while (isBlank(text.charCodeAt(i))) i++;
      if (i >= text.length) return undefined;
      const code = text.charCodeAt(i);
      if (code === HASH) {
        const end = this.comment(i);
        if (end >= text.length) return undefined;
        at = pastBreak(text, end);
      } else if (isBreak(code)) {
        at = pastBreak(text, i);
      } else {
        return at;
      }
    }
    return undefined;
  }

  /**
   * Splits a logical line into words at blanks, from `from`. An escape character keeps the next
   * character in the word (`\ ` ends it, as dockerfile-ast reads it), except that `\$` stays
   * as written for variable expansion to see.
   */
  private words(line: string, from: number): Word[] {
    const words: Word[] = [];
    const length = line.length;
    let i = from;
    while (i < length) {
      while (i < length && isBlank(line.charCodeAt(i))) i++;
      if (i >= length) break;
      const start = i;
      // Most words hold no escape character: they are sliced whole, not built a character at a time.
      while (i < length && !isBlank(line.charCodeAt(i)) && line.charCodeAt(i) !== this.escape) i++;
      if (i >= length || isBlank(line.charCodeAt(i))) {
        words.push({ value: line.slice(start, i), start, end: i });
        continue;
      }
      let value = line.slice(start, i);
      let end = i;
      while (i < length && !isBlank(line.charCodeAt(i))) {
        if (line.charCodeAt(i) !== this.escape) {
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
      if (value !== '' || end > start) words.push({ value, start, end });
    }
    return words;
  }

  /**
   * The offset of the break after a heredoc's terminator: the first line after `from` that is
   * exactly the heredoc's word (after leading tabs, for `<<-`), followed by a break. The end
   * of the text when there is none (the caller's check reports that).
   */
  private heredocEnd(name: string, from: number, tabsStripped: boolean): number {
    const text = this.text;
    let at = pastBreak(text, from);
    while (at < text.length) {
      const end = lineEnd(text, at);
      let wordStart = at;
      if (tabsStripped) while (text.charCodeAt(wordStart) === TAB) wordStart++;
      if (end < text.length && text.slice(wordStart, end) === name) return end;
      if (end >= text.length) break;
      at = pastBreak(text, end);
    }
    return text.length;
  }
}

interface Word {
  value: string;
  /** Offsets in the logical line: where the word starts and just past its last character. */
  start: number;
  end: number;
}

function withoutLeadingFlags(words: Word[]): Word[] {
  let count = 0;
  while (count < words.length && (words[count] as Word).value.startsWith('--')) count++;
  return words.slice(count);
}

/**
 * The heredoc words among an instruction's arguments: `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`.
 * One `<<-` strips leading tabs from every terminator line of the instruction, as
 * dockerfile-ast reads it.
 */
export function heredocNames(args: readonly string[]): { names: string[]; tabsStripped: boolean } {
  const names: string[] = [];
  let tabsStripped = false;
  for (const arg of args) {
    if (!arg.startsWith('<<') || arg.length <= 2) continue;
    let name = arg.slice(2);
    if (name.startsWith('-')) {
      tabsStripped = true;
      name = name.slice(1);
    }
    const quote = name[0];
    if (quote === '"' || quote === "'") {
      if (name.length < 2 || !name.endsWith(quote)) continue;
      name = name.slice(1, -1);
    }
    // `<<-` alone and `<<""` name no terminator: BuildKit reads them as words, not heredocs.
    if (name === '' || name.startsWith('<')) continue;
    names.push(name);
  }
  return { names, tabsStripped };
}
