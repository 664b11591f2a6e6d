/**
 * Where each node of a YAML document starts, kept beside its plain value, and the
 * `positionOf(path)` lookup both fast readers give (the `yaml` package answers from its own
 * nodes). Lookups mirror the `yaml` path's: a map entry is found by its key and reported at the
 * key, a sequence entry at its content, the document at its content; a missing node reports its
 * nearest existing ancestor. Pure.
 */
import type { SourcePosition } from './position.js';
import type { YamlDocument, YamlPath } from './yamlSource.js';

/** Where a value and everything under it start, as offsets into the text. */
export interface PositionTree {
  keys?: Map<string, { keyAt: number; value: PositionTree }>;
  items?: { at: number; value: PositionTree }[];
}

/**
 * The position tree of every scalar: it has nothing below it, and trees are only read, so one
 * frozen object serves them all (most nodes are scalars).
 */
export const LEAF: PositionTree = Object.freeze({});

/**
 * A document's positionOf. Its own function, so that the closure holds only the tree and the
 * locator, never a reader's scope (which would keep the reader's working state alive with the
 * document for the whole run).
 */
export function positionLookup(tree: PositionTree, rootAt: number, shift: number, at: (offset: number) => SourcePosition): YamlDocument['positionOf'] {
  return (path) => at(deepestOffset(tree, rootAt, path, shift));
}

/**
 * The offset of the deepest node on `path` that exists. Keys must be strings; a sequence index
 * may be a number or a numeric string, as the `yaml` package reads them.
 */
function deepestOffset(root: PositionTree, rootAt: number, path: YamlPath, shift: number): number {
  let offset = rootAt;
  let tree = root;
  for (const step of path) {
    if (tree.keys) {
      const entry = typeof step === 'string' ? tree.keys.get(step) : undefined;
      if (!entry) break;
      offset = entry.keyAt + shift;
      tree = entry.value;
    } else if (tree.items) {
      const index = asItemIndex(step);
      const entry = index === undefined ? undefined : tree.items[index];
      if (!entry) break;
      offset = entry.at + shift;
      tree = entry.value;
    } else break;
  }
  return offset;
}

/** As the `yaml` package reads a sequence index: a non-negative integer, or a string of one. */
function asItemIndex(step: string | number): number | undefined {
  const index = typeof step === 'string' && step !== '' ? Number(step) : step;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 ? index : undefined;
}

/**
 * Offset to 1-based line and column, counting lines at `\n` as the `yaml` package's LineCounter
 * does. The line starts are found on the first lookup: most documents are never asked.
 */
export function lineLocator(text: string): (offset: number) => SourcePosition {
  let lineStarts: number[] | undefined;
  return (offset) => {
    lineStarts ??= startsOfLines(text);
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] as number) + 1 };
  };
}

function startsOfLines(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/**
 * positionOf for a document whose node offsets were recorded in document order, one per map
 * entry (at its key) and per sequence entry (at its content), as the plain reader records
 * them. Which offset belongs to which entry is worked out on the first lookup, by walking the
 * value in the same order (most documents are never asked), so the value must be exactly as
 * read: keys in document order (no array-index keys, which objects list first), nothing added
 * or removed.
 */
export function preorderLookup(value: unknown, offsets: readonly number[], rootAt: number, at: (offset: number) => SourcePosition): YamlDocument['positionOf'] {
  let entries: WeakMap<object, EntryIndex> | undefined;
  return (path) => {
    entries ??= indexEntries(value);
    return at(preorderOffset(value, offsets, entries, rootAt, path));
  };
}

/**
 * For each collection of a document, the index in `offsets` of each of its entries, in order
 * (a map's entries in its keys' order, which is the document's: see preorderLookup). A wide
 * map gets a Map from key to entry instead, so a lookup never counts through thousands of keys.
 */
type EntryIndex = number[] | Map<string, number>;
const WIDE_MAP = 32;

function indexEntries(root: unknown): WeakMap<object, EntryIndex> {
  const index = new WeakMap<object, EntryIndex>();
  let next = 0;
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) {
      const entries: number[] = [];
      index.set(node, entries);
      for (const item of node) {
        entries.push(next++);
        visit(item);
      }
      return;
    }
    const keys = Object.keys(node);
    const entries: EntryIndex = keys.length > WIDE_MAP ? new Map<string, number>() : [];
    index.set(node, entries);
    for (const key of keys) {
      if (Array.isArray(entries)) entries.push(next++);
      else entries.set(key, next++);
      visit((node as Record<string, unknown>)[key]);
    }
  };
  visit(root);
  return index;
}

function preorderOffset(root: unknown, offsets: readonly number[], index: WeakMap<object, EntryIndex>, rootAt: number, path: YamlPath): number {
  let offset = rootAt;
  let node = root;
  for (const step of path) {
    const entries = typeof node === 'object' && node !== null ? index.get(node) : undefined;
    if (entries === undefined) break;
    let entry: number | undefined;
    if (Array.isArray(node)) {
      const item = asItemIndex(step);
      entry = item === undefined ? undefined : (entries as number[])[item];
      if (entry !== undefined) node = node[item as number];
    } else if (typeof step === 'string' && Object.hasOwn(node as object, step)) {
      entry = Array.isArray(entries) ? entries[keyOrdinal(node as Record<string, unknown>, step)] : entries.get(step);
      if (entry !== undefined) node = (node as Record<string, unknown>)[step];
    }
    if (entry === undefined) break;
    offset = offsets[entry] as number;
  }
  return offset;
}

/** Where `key` comes among an object's keys, counted without making the list of them. */
function keyOrdinal(node: Record<string, unknown>, key: string): number {
  let ordinal = 0;
  for (const candidate in node) {
    if (candidate === key) return ordinal;
    ordinal++;
  }
  return -1;
}
