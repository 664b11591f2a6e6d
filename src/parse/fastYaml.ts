/**
 * A fast reader for ordinary YAML: js-yaml parses about twenty times faster than the `yaml`
 * package, which dominated `shipshape lint` on repositories with big manifests. It gives the same
 * `{ index, value, positionOf }` as the `yaml` path, positions included, by recording where each
 * node starts through js-yaml's parse events. It only answers when it is sure to agree: any
 * error, warning, tag, anchor, alias, explicit key, directive, non-string key, empty document or
 * scalar the two libraries resolve differently makes it return undefined, and the caller uses the
 * `yaml` path, which stays the one source of error messages. Pure: text in, documents out.
 */
import { CORE_SCHEMA, loadAll, type LoadOptions } from 'js-yaml';
import { LEAF, lineLocator, positionLookup, type PositionTree } from './yamlPositions.js';
import type { YamlDocument } from './yamlSource.js';

/** A node as js-yaml composed it: where its content starts and what it became. */
interface ComposedNode {
  start: number;
  end: number;
  /** 'scalar', 'sequence', 'mapping', or null when the node had no content (`key:`). */
  kind: string | null;
  result: unknown;
  children: ComposedNode[];
}

/** The children of every node that has none; never added to (see the listener). */
const NO_CHILDREN: ComposedNode[] = Object.freeze([]) as unknown as ComposedNode[];

/** The parser state js-yaml hands its listener (its published types leave `tag` out). */
interface ListenedState {
  input: string;
  position: number;
  kind: string | null;
  result: unknown;
  tag: string | null;
}

/** Texts the `yaml` package resolves as YAML 1.2 core numbers, booleans or null. */
const CORE_NUMBER = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const CORE_BOOL_OR_NULL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|~|[Nn]ull|NULL)?$/;
const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';
/** The `yaml` package refuses an implicit key longer than this. */
const MAX_IMPLICIT_KEY = 1024;
/** Syntax the event walk cannot vouch for: a directive line, or an explicit `? key`. */
const UNSUPPORTED_SYNTAX = /^%|(?:^|[\s[{,])\?(?:[ \t]|$)/m;

/**
 * The documents of `text`, or undefined when only the `yaml` path can be trusted with it.
 *
 * @example parseYamlFast('kind: Pod\n')?.[0]?.positionOf(['kind']) // { line: 1, column: 1 }
 */
export function parseYamlFast(text: string, maxDocuments = Infinity): YamlDocument[] | undefined {
  if (UNSUPPORTED_SYNTAX.test(text) || text.includes('__proto__')) return undefined;
  const roots: ComposedNode[] = [];
  let agrees = true;
  // A node's children array is made when its first child closes: most nodes are scalars, which
  // have none and share NO_CHILDREN.
  // The nodes still open, as two stacks rather than an object per node.
  const openedAt: number[] = [];
  const openChildren: (ComposedNode[] | undefined)[] = [];
  const options: LoadOptions = {
    schema: CORE_SCHEMA,
    onWarning: () => {
      // Stop at once: js-yaml builds a snippet for every warning by rescanning the text, which
      // made a value of thousands of under-indented lines quadratic; the next reader takes it.
      agrees = false;
      throw new Error('js-yaml warned: left to the next reader');
    },
    listener(event, listened) {
      const state = listened as unknown as ListenedState;
      if (event === 'open') {
        openedAt.push(state.position);
        openChildren.push(undefined);
        return;
      }
      if (openedAt.length === 0) return;
      const start = skipSeparation(state.input, openedAt.pop() as number);
      const children = openChildren.pop();
      const node: ComposedNode = { start, end: state.position, kind: state.kind, result: state.result, children: children ?? NO_CHILDREN };
      if (!contentAgrees(state, node)) agrees = false;
      const depth = openChildren.length;
      if (depth === 0) roots.push(node);
      else (openChildren[depth - 1] ??= []).push(node);
    },
  };
  let values: unknown[];
  try {
    values = loadAll(text, null, options);
  } catch {
    return undefined;
  }
  if (!agrees || values.length !== roots.length || values.length > maxDocuments) return undefined;
  // js-yaml strips a byte order mark before counting; the `yaml` package counts it.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const at = lineLocator(text);
  const documents: YamlDocument[] = [];
  for (const [index, value] of values.entries()) {
    const root = roots[index];
    // An empty document's position is the `yaml` package's own choice; leave those to it.
    if (!root || root.kind === null || value === null || value === undefined) return undefined;
    const tree = positionTree(root, value);
    if (!tree) return undefined;
    documents.push({ index, value, positionOf: positionLookup(tree, root.start + shift, shift, at) });
  }
  return documents;
}

/**
 * False when a node is one the two libraries could read differently: it carries a tag, an
 * anchor or is an alias (its content starts with `!`, `&`, `*`), or it is a plain scalar that
 * js-yaml resolved otherwise than YAML 1.2 core does (`+.5`, `0b1`, `-0`, `1e400`).
 */
function contentAgrees(state: ListenedState, node: ComposedNode): boolean {
  const first = state.input[node.start];
  if (first === '!' || first === '&' || first === '*') return false;
  if (node.kind !== 'scalar') return true;
  if (state.tag === '?') return !(typeof node.result === 'string' && mayBeCoreScalar(node.result) && (CORE_NUMBER.test(node.result) || CORE_BOOL_OR_NULL.test(node.result)));
  if (state.tag !== INT_TAG && state.tag !== FLOAT_TAG) return true;
  const written = state.input.slice(node.start, node.end).trimEnd();
  if (!CORE_NUMBER.test(written)) return false;
  // js-yaml reads the integer `-0` as 0; the `yaml` package keeps the sign.
  return !(node.result === 0 && written.startsWith('-'));
}

/**
 * Whether a string can match CORE_NUMBER or CORE_BOOL_OR_NULL at all, by its first character
 * (a digit, sign, dot, `~`, or the first letter of true, false and null): most plain scalars
 * of a manifest are names, and need no regular expression.
 */
function mayBeCoreScalar(text: string): boolean {
  if (text.length === 0) return true;
  const first = text.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e || first === 0x7e
    || first === 0x74 || first === 0x54 || first === 0x66 || first === 0x46 || first === 0x6e || first === 0x4e;
}

/** Where js-yaml's own seek lands: past spaces, tabs, line breaks and comments. */
function skipSeparation(input: string, from: number): number {
  let position = from;
  for (;;) {
    const ch = input.charCodeAt(position);
    if (ch === 0x20 || ch === 0x09 || ch === 0x0a || ch === 0x0d) position++;
    else if (ch === 0x23) {
      while (position < input.length && input.charCodeAt(position) !== 0x0a && input.charCodeAt(position) !== 0x0d) position++;
    } else return position;
  }
}

/**
 * Pairs the composed nodes with the value they produced, or undefined when they do not line up
 * exactly (a flow pair in a sequence, an empty sequence entry, a non-string key...).
 */
function positionTree(composed: ComposedNode, value: unknown): PositionTree | undefined {
  const node = unwrap(composed);
  if (!Object.is(node.result, value)) return undefined;
  if (Array.isArray(value)) return node.kind === 'sequence' ? sequenceTree(node, value) : undefined;
  if (typeof value === 'object' && value !== null) return node.kind === 'mapping' ? mappingTree(node, value as Record<string, unknown>) : undefined;
  return LEAF;
}

function sequenceTree(node: ComposedNode, items: unknown[]): PositionTree | undefined {
  if (node.children.length !== items.length) return undefined;
  const positioned: NonNullable<PositionTree['items']> = [];
  for (let index = 0; index < node.children.length; index++) {
    const child = node.children[index] as ComposedNode;
    if (child.kind === null) return undefined;
    const value = positionTree(child, items[index]);
    if (!value) return undefined;
    positioned.push({ at: child.start, value });
  }
  return { items: positioned };
}

function mappingTree(node: ComposedNode, map: Record<string, unknown>): PositionTree | undefined {
  const children = node.children.length % 2 === 1 && node.children.at(-1)?.kind === null ? node.children.slice(0, -1) : node.children;
  if (children.length !== 2 * Object.keys(map).length) return undefined;
  const keys = new Map<string, { keyAt: number; value: PositionTree }>();
  for (let i = 0; i < children.length; i += 2) {
    const keyNode = unwrap(children[i] as ComposedNode);
    const key = keyNode.result;
    if (typeof key !== 'string' || keyNode.kind !== 'scalar' || keys.has(key) || !Object.hasOwn(map, key)) return undefined;
    if (keyNode.end - keyNode.start > MAX_IMPLICIT_KEY) return undefined;
    const value = positionTree(children[i + 1] as ComposedNode, map[key]);
    if (!value) return undefined;
    keys.set(key, { keyAt: keyNode.start, value });
  }
  return { keys };
}

/**
 * A block mapping that turned out to be a single node (`image: nginx`'s value, a flow
 * collection) is reported by js-yaml twice, the outer node keeping the inner one's result.
 */
function unwrap(node: ComposedNode): ComposedNode {
  let current = node;
  for (;;) {
    // Indexed, not destructured with a rest element: this runs for every node of every file.
    const only = current.children.length === 1 ? current.children[0] : undefined;
    if (!only || only.kind !== current.kind || !Object.is(only.result, current.result)) return current;
    current = only;
  }
}
