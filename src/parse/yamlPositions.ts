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
 * them. The path is followed through the value itself, skipping the offsets of the entries
 * before each step, so the value must be exactly as read: keys in document order (no
 * array-index keys, which objects list first) and nothing added or removed since.
 */
export function preorderLookup(value: unknown, offsets: readonly number[], rootAt: number, at: (offset: number) => SourcePosition): YamlDocument['positionOf'] {
  return (path) => at(preorderOffset(value, offsets, rootAt, path));
}

function preorderOffset(root: unknown, offsets: readonly number[], rootAt: number, path: YamlPath): number {
  let offset = rootAt;
  let node = root;
  // The index in `offsets` of the first entry of `node`.
  let first = 0;
  for (const step of path) {
    let entry = first;
    let child: unknown;
    if (Array.isArray(node)) {
      const index = asItemIndex(step);
      if (index === undefined || index >= node.length) break;
      for (let i = 0; i < index; i++) entry += 1 + nodeCount(node[i]);
      child = node[index];
    } else if (typeof node === 'object' && node !== null && typeof step === 'string' && Object.hasOwn(node, step)) {
      for (const key in node) {
        if (key === step) break;
        entry += 1 + nodeCount((node as Record<string, unknown>)[key]);
      }
      child = (node as Record<string, unknown>)[step];
    } else break;
    offset = offsets[entry] as number;
    first = entry + 1;
    node = child;
  }
  return offset;
}

/** How many entries a value holds, at every depth: the offsets recorded for it. */
function nodeCount(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) for (const item of value) count += 1 + nodeCount(item);
  else for (const key in value) count += 1 + nodeCount((value as Record<string, unknown>)[key]);
  return count;
}
