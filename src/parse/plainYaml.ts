/**
 * The leanest YAML reader, for the YAML most manifests are written in: block mappings and
 * sequences, one-line plain and quoted scalars, one-line flow collections, literal block
 * scalars and comments. One pass over the text builds each document's value and its positions
 * together, with no parse events and no intermediate nodes.
 *
 * Why a third reader: `shipshape lint` reads hundreds of small files in a process that lives
 * well under a second, so most of its YAML is read by code V8 has not optimised yet. js-yaml's
 * general machinery (and the event walk the fast path needs for positions) cost about four
 * times as much cold as warm; a small loop over character codes warms up within a few files.
 *
 * It only answers when it is sure to agree with the `yaml` package: on anything else (anchors,
 * tags, folded or multi-line scalars, tabs, carriage returns, duplicate or non-string keys,
 * numbers other than plain decimals, empty documents...) it returns undefined and the caller
 * tries the js-yaml path, then the `yaml` package, which stays the one source of error
 * messages. Pure: text in, documents out.
 */
import { lineLocator, preorderLookup } from './yamlPositions.js';
import type { YamlDocument } from './yamlSource.js';

/** Thrown inside the reader for anything it does not vouch for; never escapes. */
const UNSUPPORTED: unique symbol = Symbol('unsupported');

/**
 * Characters that send the whole text elsewhere: tabs and carriage returns (indentation and
 * line-break rules differ), other control characters, a byte order mark, the non-characters,
 * the Unicode line separators, and surrogates (what each library does with a lone one is its own).
 */
const UNSUPPORTED_CHARACTER = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]/;
/**
 * The yaml package refuses an implicit key of over 1,024 characters, counted from the end of the
 * previous entry's value, which after an empty value (`a:`) includes the line break and the
 * indentation: keys anywhere near that length are left to it.
 */
const LONGEST_KEY_READ_HERE = 900;
/**
 * Collections nested deeper than this are left to the others: the yaml package runs out of stack
 * at a depth of some hundreds, where this reader would still answer.
 */
const MAX_DEPTH = 200;
/** Decimal numbers this reader resolves itself (at most 15 digits, exact in a double). */
const PLAIN_INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
const PLAIN_DECIMAL = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
/** Keys an object orders before the others. */
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;
/** Anything else YAML 1.2 core resolves to a number: left to the other readers. */
const OTHER_CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

const LF = 0x0a;
const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const DOT = 0x2e;
const COLON = 0x3a;
const COMMA = 0x2c;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const PIPE = 0x7c;

/** nextContentLine's answer at the end of the text or at a `---` line. */
const NO_CONTENT = -1;

/**
 * The documents of `text`, or undefined when another reader must answer.
 *
 * @example parsePlainYaml('kind: Pod\n')?.[0]?.positionOf(['kind']) // { line: 1, column: 1 }
 */
export function parsePlainYaml(text: string, maxDocuments = Infinity): YamlDocument[] | undefined {
  if (UNSUPPORTED_CHARACTER.test(text)) return undefined;
  try {
    return new PlainReader(text).documents(maxDocuments);
  } catch (error) {
    // Flow collections nested past the stack's depth (`[[[[...`) are the yaml path's to report.
    if (error === UNSUPPORTED || error instanceof RangeError) return undefined;
    throw error;
  }
}

class PlainReader {
  /** Offset of the line being read: always a line start between entries. */
  private pos = 0;
  /** Where the flow node read last ended (just past it). */
  private flowEnd = 0;
  /** How many collections the node being read is inside. */
  private depth = 0;
  /**
   * Where each node of the document being read starts, in document order: map entries at their
   * key, sequence entries at their content (see preorderLookup). One number per node, rather
   * than a tree of objects beside the value: a lint run keeps every document until its end.
   */
  private offsets: number[] = [];
  private readonly at: ReturnType<typeof lineLocator>;

  constructor(private readonly text: string) {
    this.at = lineLocator(text);
  }

  documents(maxDocuments: number): YamlDocument[] {
    const text = this.text;
    const documents: YamlDocument[] = [];
    let indent = this.nextContentLine();
    for (;;) {
      if (indent === NO_CONTENT) {
        if (this.pos >= text.length) break;
        this.skipDocumentStart();
        indent = this.nextContentLine();
        // A `---` with nothing after it is an empty document: its position is the yaml path's call.
        if (indent === NO_CONTENT) throw UNSUPPORTED;
      }
      const rootAt = this.pos + indent;
      this.offsets = [];
      const value = this.block(indent);
      if (documents.length >= maxDocuments) throw UNSUPPORTED;
      documents.push({ index: documents.length, value, positionOf: preorderLookup(value, this.offsets, rootAt, this.at) });
      indent = this.nextContentLine();
      // The root ended at a line that belongs to nothing (a key indented less than the root's).
      if (indent !== NO_CONTENT) throw UNSUPPORTED;
    }
    if (documents.length === 0) throw UNSUPPORTED;
    return documents;
  }

  /**
   * Moves to the next line with content, past blank and comment lines, and returns its
   * indentation; NO_CONTENT at the end of the text or at a `---` line (left unread).
   */
  private nextContentLine(): number {
    const text = this.text;
    const length = text.length;
    for (;;) {
      const start = this.pos;
      if (start >= length) return NO_CONTENT;
      let index = start;
      while (text.charCodeAt(index) === SPACE) index++;
      if (index >= length) {
        this.pos = length;
        return NO_CONTENT;
      }
      const code = text.charCodeAt(index);
      if (code === LF) {
        this.pos = index + 1;
      } else if (code === HASH) {
        this.pos = this.lineEnd(index);
      } else if (index === start && (code === DASH || code === DOT) && text.startsWith(code === DASH ? '---' : '...', start)) {
        // `...`, and `---` followed by anything but a comment, are left to the other readers.
        if (code === DOT) throw UNSUPPORTED;
        return NO_CONTENT;
      } else {
        if (index === start && (code === 0x25 /* % directive */)) throw UNSUPPORTED;
        return index - start;
      }
    }
  }

  /** Past a `---` line, which may only carry a comment. */
  private skipDocumentStart(): void {
    const after = this.pos + 3;
    const code = this.text.charCodeAt(after);
    if (after < this.text.length && code !== LF && code !== SPACE) throw UNSUPPORTED;
    this.pos = this.endOfValue(after);
  }

  /** The offset just past the line break of the line holding `index` (or the text's end). */
  private lineEnd(index: number): number {
    const lineBreak = this.text.indexOf('\n', index);
    return lineBreak === -1 ? this.text.length : lineBreak + 1;
  }

  /**
   * After a value on its line: only blanks and a comment may follow. Returns the next line's start.
   */
  private endOfValue(index: number): number {
    const text = this.text;
    let cursor = index;
    while (text.charCodeAt(cursor) === SPACE) cursor++;
    if (cursor >= text.length) return text.length;
    const code = text.charCodeAt(cursor);
    if (code === LF) return cursor + 1;
    // A comment needs a blank before it: `"a"#b` is an error to the yaml package.
    if (code === HASH && cursor > index) return this.lineEnd(cursor);
    throw UNSUPPORTED;
  }

  private isSequenceEntry(index: number): boolean {
    if (this.text.charCodeAt(index) !== DASH) return false;
    const next = this.text.charCodeAt(index + 1);
    return next === SPACE || next === LF || index + 1 >= this.text.length;
  }

  /** The block collection whose first line (at `this.pos`) is indented by `indent`. */
  private block(indent: number): unknown {
    const first = this.pos + indent;
    return this.isSequenceEntry(first) ? this.sequence(indent) : this.mapping(indent, first);
  }

  /** A block mapping whose keys sit at column `indent`, the first of them at `keyAt`. */
  private mapping(indent: number, firstKeyAt: number): Record<string, unknown> {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const value = this.mappingBody(indent, firstKeyAt);
    this.depth--;
    return value;
  }

  private mappingBody(indent: number, firstKeyAt: number): Record<string, unknown> {
    const value: Record<string, unknown> = {};
    let keyAt = firstKeyAt;
    for (;;) {
      const colon = this.keyColon(keyAt);
      if (colon < 0) throw UNSUPPORTED;
      const key = this.key(keyAt, colon);
      if (Object.hasOwn(value, key)) throw UNSUPPORTED;
      this.offsets.push(keyAt);
      value[key] = this.mappingValue(colon + 1, indent);
      const next = this.nextContentLine();
      if (next === indent) {
        keyAt = this.pos + indent;
        if (this.isSequenceEntry(keyAt)) throw UNSUPPORTED;
        continue;
      }
      // Deeper than the keys, after a complete value: a multi-line scalar or a bad indent.
      if (next > indent) throw UNSUPPORTED;
      return value;
    }
  }

  /** The value after a key's colon at `from`; leaves `this.pos` at the start of the next line. */
  private mappingValue(from: number, indent: number): unknown {
    const text = this.text;
    let cursor = from;
    while (text.charCodeAt(cursor) === SPACE) cursor++;
    const code = text.charCodeAt(cursor);
    if (cursor < text.length && code !== LF && code !== HASH) return this.inlineValue(cursor, indent);
    // Nothing on the key's line: the value is the block below, or null.
    this.pos = this.endOfValue(from);
    const next = this.nextContentLine();
    if (next > indent) return this.block(next);
    if (next === indent && this.isSequenceEntry(this.pos + indent)) return this.sequence(indent);
    return null;
  }

  /** A block sequence whose dashes sit at column `indent`; the first at `this.pos + indent`. */
  private sequence(indent: number): unknown[] {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const value = this.sequenceBody(indent);
    this.depth--;
    return value;
  }

  private sequenceBody(indent: number): unknown[] {
    const text = this.text;
    const items: unknown[] = [];
    for (;;) {
      let cursor = this.pos + indent + 1;
      while (text.charCodeAt(cursor) === SPACE) cursor++;
      const code = text.charCodeAt(cursor);
      if (cursor >= text.length || code === LF || code === HASH) {
        this.pos = this.endOfValue(this.pos + indent + 1);
        const next = this.nextContentLine();
        // An empty entry (`-` alone) is null; its position is the yaml path's call.
        if (next <= indent) throw UNSUPPORTED;
        this.offsets.push(this.pos + next);
        items.push(this.block(next));
      } else if (this.isSequenceEntry(cursor)) {
        throw UNSUPPORTED; // `- - a`: a compact nested sequence
      } else {
        this.offsets.push(cursor);
        items.push(this.keyColon(cursor) >= 0 ? this.mapping(cursor - this.pos, cursor) : this.inlineValue(cursor, indent));
      }
      const next = this.nextContentLine();
      if (next === indent && this.isSequenceEntry(this.pos + indent)) continue;
      if (next > indent) throw UNSUPPORTED;
      return items;
    }
  }

  /**
   * Where the colon ending an implicit key that starts at `start` is, or -1 when the line holds
   * no key there. Plain keys made of anything but ordinary characters are left to the others.
   */
  private keyColon(start: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const end = this.quotedEnd(start);
      return end >= 0 && text.charCodeAt(end) === COLON && this.endsIndicator(end + 1) ? end : -1;
    }
    if (!startsPlain(first, text.charCodeAt(start + 1))) return -1;
    for (let index = start; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === LF) return -1;
      if (code === COLON && this.endsIndicator(index + 1)) return index;
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) return -1;
    }
    return -1;
  }

  /** Whether the character at `index` ends an indicator: a blank, a line break, the end. */
  private endsIndicator(index: number): boolean {
    const code = this.text.charCodeAt(index);
    return code === SPACE || code === LF || index >= this.text.length;
  }

  /** The key from `start` to its colon, as a string; keys that resolve otherwise are refused. */
  private key(start: number, colon: number): string {
    const text = this.text;
    if (colon - start > LONGEST_KEY_READ_HERE) throw UNSUPPORTED;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) return checkedKey(this.quoted(start, colon));
    let end = colon;
    while (text.charCodeAt(end - 1) === SPACE) end--;
    const key = text.slice(start, end);
    for (let index = 0; index < key.length; index++) {
      const code = key.charCodeAt(index);
      // Flow indicators and `, ` in plain keys read differently between libraries; `<<` merges in some.
      if (code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE || code === COMMA) throw UNSUPPORTED;
    }
    if (key === '<<' || resolvePlain(key) !== key) throw UNSUPPORTED;
    return checkedKey(key);
  }

  /** A value starting on the current line at `start`; leaves `this.pos` at the next line. */
  private inlineValue(start: number, indent: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const end = this.quotedEnd(start);
      if (end < 0) throw UNSUPPORTED;
      const value = this.quoted(start, end);
      this.pos = this.endOfValue(end);
      return value;
    }
    if (first === OPEN_BRACKET || first === OPEN_BRACE) {
      const value = this.flowCollection(start);
      this.pos = this.endOfValue(this.flowEnd);
      return value;
    }
    if (first === PIPE) return this.literal(start, indent);
    if (!startsPlain(first, text.charCodeAt(start + 1))) throw UNSUPPORTED;
    let end = start;
    let index = start;
    for (; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === LF) break;
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) break;
      // `a: b: c` and `a: b:` are nested mappings on one line: errors to the yaml package.
      if (code === COLON && this.endsIndicator(index + 1)) throw UNSUPPORTED;
      if (code !== SPACE) end = index + 1;
    }
    this.pos = index >= text.length ? text.length : this.lineEnd(index);
    return resolvePlain(text.slice(start, end));
  }

  /** A flow collection that opens and closes on one line; its end is left in `flowEnd`. */
  private flowCollection(start: number): unknown {
    if (++this.depth > MAX_DEPTH) throw UNSUPPORTED;
    const value = this.flowCollectionBody(start);
    this.depth--;
    return value;
  }

  private flowCollectionBody(start: number): unknown {
    const text = this.text;
    const isSequence = text.charCodeAt(start) === OPEN_BRACKET;
    const close = isSequence ? CLOSE_BRACKET : CLOSE_BRACE;
    const items: unknown[] = [];
    const value: Record<string, unknown> = {};
    let cursor = this.skipSpaces(start + 1);
    if (text.charCodeAt(cursor) === close) {
      this.flowEnd = cursor + 1;
      return isSequence ? items : value;
    }
    for (;;) {
      this.offsets.push(cursor);
      if (isSequence) {
        items.push(this.flowNode(cursor));
      } else {
        const key = this.flowKey(cursor);
        if (Object.hasOwn(value, key)) throw UNSUPPORTED;
        value[key] = this.flowNode(this.skipSpaces(this.flowEnd));
      }
      cursor = this.skipSpaces(this.flowEnd);
      const code = text.charCodeAt(cursor);
      if (code === close) {
        this.flowEnd = cursor + 1;
        return isSequence ? items : value;
      }
      if (code !== COMMA) throw UNSUPPORTED;
      cursor = this.skipSpaces(cursor + 1);
      // A trailing comma, and a line break inside the collection, are left to the others.
      if (text.charCodeAt(cursor) === close) throw UNSUPPORTED;
    }
  }

  /** A flow mapping's key and its colon; `flowEnd` is left just past the colon. */
  private flowKey(start: number): string {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const end = this.quotedEnd(start);
      if (end < 0 || text.charCodeAt(end) !== COLON) throw UNSUPPORTED;
      this.flowEnd = end + 1;
      return checkedKey(this.quoted(start, end));
    }
    const end = this.flowPlainEnd(start);
    if (text.charCodeAt(end) !== COLON || text.charCodeAt(end + 1) !== SPACE) throw UNSUPPORTED;
    const key = text.slice(start, trimmedEnd(text, start, end));
    if (key === '<<' || resolvePlain(key) !== key) throw UNSUPPORTED;
    this.flowEnd = end + 1;
    return checkedKey(key);
  }

  /** A value inside a flow collection; `flowEnd` is left just past it. */
  private flowNode(start: number): unknown {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === OPEN_BRACKET || first === OPEN_BRACE) return this.flowCollection(start);
    if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
      const end = this.quotedEnd(start);
      if (end < 0) throw UNSUPPORTED;
      this.flowEnd = end;
      return this.quoted(start, end);
    }
    const end = this.flowPlainEnd(start);
    // A colon here makes a flow pair (`[a: b]`) or a nested key: the others read those.
    if (text.charCodeAt(end) === COLON) throw UNSUPPORTED;
    this.flowEnd = end;
    return resolvePlain(text.slice(start, trimmedEnd(text, start, end)));
  }

  /**
   * Where a plain scalar inside a flow collection ends: at a flow indicator, or at a colon that
   * ends a key. Refuses an empty one, one that runs to the line's end, and odd first characters.
   */
  private flowPlainEnd(start: number): number {
    const text = this.text;
    if (!startsPlain(text.charCodeAt(start), text.charCodeAt(start + 1))) throw UNSUPPORTED;
    // Inside a flow, a `-` before a flow indicator starts a block entry to the yaml package (an error).
    if (text.charCodeAt(start) === DASH && isFlowIndicator(text.charCodeAt(start + 1))) throw UNSUPPORTED;
    for (let index = start; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === COMMA || code === CLOSE_BRACKET || code === CLOSE_BRACE) return index;
      if (code === COLON) {
        const next = text.charCodeAt(index + 1);
        if (next === SPACE || next === COMMA || next === CLOSE_BRACKET || next === CLOSE_BRACE) return index;
      }
      if (code === LF || code === OPEN_BRACKET || code === OPEN_BRACE) throw UNSUPPORTED;
      if (code === HASH && text.charCodeAt(index - 1) === SPACE) throw UNSUPPORTED;
    }
    throw UNSUPPORTED;
  }

  private skipSpaces(from: number): number {
    let cursor = from;
    while (this.text.charCodeAt(cursor) === SPACE) cursor++;
    return cursor;
  }

  /** Just past the closing quote of the one-line quoted scalar opening at `start`, or -1. */
  private quotedEnd(start: number): number {
    const text = this.text;
    const quote = text.charCodeAt(start);
    for (let index = start + 1; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === LF) return -1;
      if (quote === DOUBLE_QUOTE && code === BACKSLASH) index++;
      else if (code === quote) {
        if (quote === SINGLE_QUOTE && text.charCodeAt(index + 1) === SINGLE_QUOTE) index++;
        else return index + 1;
      }
    }
    return -1;
  }

  /** The content of the quoted scalar from `start` to `end` (just past its closing quote). */
  private quoted(start: number, end: number): string {
    const body = this.text.slice(start + 1, end - 1);
    if (this.text.charCodeAt(start) === SINGLE_QUOTE) return body.includes("'") ? body.replaceAll("''", "'") : body;
    return body.includes('\\') ? unescapeDoubleQuoted(body) : body;
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`) whose header is at `start`, inside a collection
   * indented by `indent`: its lines are those indented deeper than the collection.
   */
  private literal(start: number, indent: number): string {
    const text = this.text;
    let cursor = start + 1;
    const chomping = text.charCodeAt(cursor);
    if (chomping === DASH || chomping === 0x2b /* + */) cursor++;
    this.pos = this.endOfValue(cursor);
    const lines: string[] = [];
    let contentIndent = -1;
    let widestBlank = 0;
    let trailingBlanks = 0;
    while (this.pos < text.length) {
      const lineStart = this.pos;
      let index = lineStart;
      while (text.charCodeAt(index) === SPACE) index++;
      const blank = index >= text.length || text.charCodeAt(index) === LF;
      if (blank) {
        if (index >= text.length) throw UNSUPPORTED;
        // A blank line holding spaces past the content's indentation is content to YAML.
        widestBlank = Math.max(widestBlank, index - lineStart);
        lines.push('');
        trailingBlanks++;
        this.pos = index + 1;
        continue;
      }
      const lineIndent = index - lineStart;
      if (contentIndent < 0) {
        if (lineIndent <= indent) break;
        contentIndent = lineIndent;
      } else if (lineIndent < contentIndent) break;
      const lineBreak = text.indexOf('\n', index);
      // A last line without a line break is chomped by rules this reader does not repeat.
      if (lineBreak === -1) throw UNSUPPORTED;
      lines.push(text.slice(lineStart + contentIndent, lineBreak));
      trailingBlanks = 0;
      this.pos = lineBreak + 1;
    }
    if (contentIndent < 0 || widestBlank > contentIndent) throw UNSUPPORTED;
    // The blank lines at the end are the chomping's to keep or drop.
    const content = lines.slice(0, lines.length - trailingBlanks).join('\n');
    return chomping === DASH ? content : chomping === 0x2b ? `${content}\n${'\n'.repeat(trailingBlanks)}` : `${content}\n`;
  }
}

/** Whether a plain scalar may start with `first` (followed by `next`) for this reader. */
function startsPlain(first: number, next: number): boolean {
  switch (first) {
    // Indicators that start other nodes (or are errors) in YAML.
    case 0x21: // !
    case 0x22: // "
    case 0x23: // #
    case 0x25: // %
    case 0x26: // &
    case 0x27: // '
    case 0x2a: // *
    case 0x2c: // ,
    case 0x3e: // >
    case 0x3f: // ?
    case 0x40: // @
    case 0x5b: // [
    case 0x5d: // ]
    case 0x60: // `
    case 0x7b: // {
    case 0x7c: // |
    case 0x7d: // }
    case COLON:
    case SPACE:
    case LF:
      return false;
    case DASH:
      // Not `- ` (an entry), nor a `-` at the end of its line or of the text.
      return !(next === SPACE || next === LF || Number.isNaN(next));
    default:
      return !Number.isNaN(first); // NaN: the end of the text
  }
}

/**
 * A key the value can hold as written: not `__proto__` (an object's prototype), and not an
 * array index (`"80"`), which an object lists before its other keys, out of document order.
 */
function checkedKey(key: string): string {
  if (key === '__proto__') throw UNSUPPORTED;
  const first = key.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39 && ARRAY_INDEX.test(key)) throw UNSUPPORTED;
  return key;
}

function isFlowIndicator(code: number): boolean {
  return code === COMMA || code === OPEN_BRACKET || code === CLOSE_BRACKET || code === OPEN_BRACE || code === CLOSE_BRACE;
}

function trimmedEnd(text: string, start: number, end: number): number {
  let trimmed = end;
  while (trimmed > start && text.charCodeAt(trimmed - 1) === SPACE) trimmed--;
  if (trimmed === start) throw UNSUPPORTED;
  return trimmed;
}

/**
 * A plain scalar's value by the YAML 1.2 core schema: null, a boolean, a decimal number, or
 * the string itself. Other numeric forms (octal, hexadecimal, exponents, `.inf`, leading
 * zeros, signs) are refused rather than resolved here.
 */
function resolvePlain(text: string): unknown {
  const first = text.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39 || first === DASH || first === DOT || first === 0x2b) {
    if (PLAIN_INTEGER.test(text) || PLAIN_DECIMAL.test(text)) return Number(text);
    if (OTHER_CORE_NUMBER.test(text)) throw UNSUPPORTED;
    return text;
  }
  switch (text) {
    case '~': case 'null': case 'Null': case 'NULL':
      return null;
    case 'true': case 'True': case 'TRUE':
      return true;
    case 'false': case 'False': case 'FALSE':
      return false;
    default:
      return text;
  }
}

/** The escapes manifests use; any other sends the text to the other readers. */
function unescapeDoubleQuoted(body: string): string {
  let out = '';
  let from = 0;
  for (let index = body.indexOf('\\'); index !== -1; index = body.indexOf('\\', from)) {
    out += body.slice(from, index);
    const escaped = body[index + 1];
    if (escaped === '\\' || escaped === '"' || escaped === '/') out += escaped;
    else if (escaped === 'n') out += '\n';
    else if (escaped === 't') out += '\t';
    else throw UNSUPPORTED;
    from = index + 2;
  }
  return out + body.slice(from);
}
