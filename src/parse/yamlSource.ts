/**
 * YAML with positions for every node: multi-document files (Kubernetes manifests), anchors and
 * aliases (bounded), and a `positionOf(path)` that turns a path into `line:column`. Hostile
 * input (alias bombs, deep nesting, binary, huge files) becomes an InputError, never a crash.
 */
import { isMap, isNode, isScalar, LineCounter, parseAllDocuments, type Document, type YAMLError } from 'yaml';
import { parseYamlFast } from './fastYaml.js';
import { parsePlainYaml } from './plainYaml.js';
import { InputError, looksBinary, type SourcePosition } from './position.js';

export type YamlPath = readonly (string | number)[];

export interface YamlDocument {
  /** 0-based index of the document in its file. */
  index: number;
  /** The plain value (aliases expanded, at most `MAX_ALIASES` of them). */
  value: unknown;
  /** Where the node at `path` starts; a missing node reports its nearest existing ancestor. */
  positionOf(path: YamlPath): SourcePosition;
}

export interface YamlSource {
  file: string;
  documents: YamlDocument[];
}

export const MAX_YAML_BYTES = 4 * 1024 * 1024;
export const MAX_ALIASES = 200;
const MAX_DOCUMENTS = 2000;
/**
 * The `yaml` package's parse alone is quadratic in the number of aliases (16,000 took 2.6 s, a
 * 4 MiB file of them ten minutes), and its value refuses more than MAX_ALIASES expansions
 * anyway. So a file with more alias indicators than this is refused before it is parsed; the
 * count is rough (a `*x` inside a quoted string counts too), hence the margin over MAX_ALIASES.
 */
const MAX_ALIAS_INDICATORS = 1000;

/** The position of the alias indicator past `limit`, or undefined when there are not that many. */
function aliasBeyond(text: string, limit: number): SourcePosition | undefined {
  if (!text.includes('*')) return undefined;
  let count = 0;
  for (const match of text.matchAll(/(?:^|[\s[{,])\*[^\s[\]{},]/g)) {
    if (++count <= limit) continue;
    const offset = match.index + match[0].indexOf('*');
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  }
  return undefined;
}

/**
 * @example parseYamlSource('kind: Pod\n', 'pod.yaml').documents[0]?.value // { kind: 'Pod' }
 * @throws InputError at the first syntax error, or for input no real manifest looks like.
 */
export function parseYamlSource(text: string, file: string): YamlSource {
  const { documents, errors } = parseYamlDocuments(text, file);
  const [first] = errors;
  if (first) throw first;
  return { file, documents };
}

export interface YamlDocuments extends YamlSource {
  /** One error per document that could not be read; those documents are left out of `documents`. */
  errors: InputError[];
}

/**
 * Like parseYamlSource, but a broken document costs only itself: the others are returned, and
 * each broken one becomes an error at its position (`shipshape lint` reports them all).
 *
 * @throws InputError only for input no real manifest looks like (binary, huge, thousands of documents).
 */
export function parseYamlDocuments(text: string, file: string): YamlDocuments {
  return parseYamlDocumentsTelling(text, file).yaml;
}

/**
 * parseYamlDocuments, also telling which reader answered: 'plain' (shipshape's own, for the
 * block YAML most manifests are), 'fast' (js-yaml, for ordinary YAML) or 'complete' (the `yaml`
 * package, for everything else and for every error). Each answers only where it agrees with
 * the next, and the first to answer wins.
 */
export function parseYamlDocumentsTelling(text: string, file: string): { reader: 'plain' | 'fast' | 'complete'; yaml: YamlDocuments } {
  if (text.length > MAX_YAML_BYTES) throw new InputError(file, { line: 1, column: 1 }, `file is larger than ${MAX_YAML_BYTES} bytes`);
  if (looksBinary(text)) throw new InputError(file, { line: 1, column: 1 }, 'file contains binary data (a NUL byte); expected YAML text');
  const plain = parsePlainYaml(text, MAX_DOCUMENTS);
  if (plain) return { reader: 'plain', yaml: { file, documents: plain, errors: [] } };
  const fast = parseYamlFast(text, MAX_DOCUMENTS);
  if (fast) return { reader: 'fast', yaml: { file, documents: fast, errors: [] } };
  return { reader: 'complete', yaml: parseWithYamlPackage(text, file) };
}

/** The complete reader, without the guards in front of it: exported for the differential test. */
export function parseWithYamlPackage(text: string, file: string): YamlDocuments {
  const tooManyAliases = aliasBeyond(text, MAX_ALIAS_INDICATORS);
  if (tooManyAliases !== undefined) {
    throw new InputError(file, tooManyAliases, `more than ${MAX_ALIAS_INDICATORS} YAML aliases (*name); no manifest needs that many, and reading them all would take minutes`);
  }
  warmUpYamlPackage();
  const lineCounter = new LineCounter();
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as Document.Parsed[];
  } catch (error) {
    throw new InputError(file, { line: 1, column: 1 }, `YAML could not be parsed: ${shortMessage(error)}`);
  }
  if (!Array.isArray(parsed)) throw new InputError(file, { line: 1, column: 1 }, 'YAML could not be parsed');
  if (parsed.length > MAX_DOCUMENTS) throw new InputError(file, { line: 1, column: 1 }, `more than ${MAX_DOCUMENTS} YAML documents`);
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const documents: YamlDocument[] = [];
  const errors: InputError[] = [];
  parsed.forEach((doc, index) => {
    const [error] = doc.errors;
    if (error) {
      errors.push(new InputError(file, at(error.pos[0]), errorMessage(error, text)));
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (error) {
      const where = doc.contents && isNode(doc.contents) && doc.contents.range ? at(doc.contents.range[0]) : { line: 1, column: 1 };
      errors.push(new InputError(file, where, `YAML could not be read: ${shortMessage(error)}`));
      return;
    }
    documents.push({
      index,
      value,
      positionOf(path: YamlPath): SourcePosition {
        for (let depth = path.length; depth >= 0; depth--) {
          // A map entry is located at its key (`web:`), so a finding about a whole service or
          // container lands on the line that names it, and a suppression comment above it works.
          const key = depth > 0 ? keyNode(doc, path.slice(0, depth - 1), path[depth - 1]) : undefined;
          if (key?.range) return at(key.range[0]);
          const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
          if (isNode(node) && node.range) return at(node.range[0]);
        }
        return { line: 1, column: 1 };
      },
    });
  });
  return { file, documents, errors };
}

let yamlPackageWarm = false;

/**
 * V8 compiles a regular expression to machine code on one of its first uses. When that happens
 * deep inside the `yaml` package's recursion over a hostile, deeply nested file (`[[[[...`), the
 * process dies ("RegExpCompiler Allocation failed") instead of getting a RangeError the parser
 * reports. Reading a small varied document first, near the top of the stack, gets those
 * compilations done; before the fast path existed, the files read earlier did it by chance.
 */
function warmUpYamlPackage(): void {
  if (yamlPackageWarm) return;
  yamlPackageWarm = true;
  const sample = Array.from({ length: 50 }, (_, i) => `k${i}: [b, {c: "d e", f: 'g'}]\nh${i}: |\n  x\ni${i}:\n  - j: k # c\n`).join('');
  for (const doc of parseAllDocuments(sample, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, logLevel: 'error' })) doc.toJS();
}

/** The parser's message, made specific where it is vague: a duplicate key is named. */
function errorMessage(error: YAMLError, text: string): string {
  if (error.code === 'DUPLICATE_KEY') {
    // The error points at the key's first character; the key runs to its `:` (or closing quote).
    const match = /^(?:"((?:[^"\\\n]|\\.)*)"|'([^'\n]*)'|([^:\n]*?))\s*:/.exec(text.slice(error.pos[0], error.pos[0] + 200));
    const key = (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim();
    return key ? `the key "${key}" appears twice in the same map (the last one would win silently)` : shortMessage(error);
  }
  return shortMessage(error);
}

function keyNode(doc: Document.Parsed, parentPath: YamlPath, key: string | number | undefined) {
  const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

function shortMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // The yaml package catches its own stack overflow on deep nesting and reports it as an error
  // of the document, with V8's words; say what it means instead.
  if (error instanceof RangeError || message.includes('Maximum call stack size exceeded')) return 'the YAML is nested too deeply to read (more levels than any manifest needs)';
  return message.split('\n')[0] ?? message;
}

/** Narrowing helpers for rule code that walks plain YAML values. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
