/**
 * Turns a zod issue on parsed YAML back into `file:line:column`, so a content author or a
 * learner sees where the problem is, not a path like `checks.static[0].rule`.
 */
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod';
import { InputError } from '../parse/position.js';

export interface LocatedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Line offset added to every position (front matter starts after the `---` line). */
  lineOffset: number;
}

/** Parses YAML text; a syntax error becomes an InputError at its position. */
export function parseYamlLocated(text: string, file: string, lineOffset = 0): LocatedYaml {
  const lineCounter = new LineCounter();
  // maxAliasCount bounds "billion laughs" alias bombs; uniqueKeys catches silent overrides.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const [first] = doc.errors;
  if (first) {
    const offset = first.pos[0];
    const { line, col } = lineCounter.linePos(offset);
    throw new InputError(file, { line: line + lineOffset, column: col }, first.message.split('\n')[0] ?? 'invalid YAML');
  }
  return { doc, lineCounter, lineOffset };
}

/** The plain JS value of a parsed document, with alias expansion bounded. */
export function yamlValue(located: LocatedYaml, file: string): unknown {
  try {
    return located.doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new InputError(file, { line: 1 + located.lineOffset, column: 1 }, `YAML could not be read: ${(error as Error).message}`);
  }
}

/** The first zod issue, as an InputError pointing at the YAML node it is about. */
export function zodIssueToInputError(issue: z.core.$ZodIssue, located: LocatedYaml, file: string): InputError {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  const position = positionOf(located, path);
  const where = path.length > 0 ? `${path.join('.')}: ` : '';
  return new InputError(file, position, `${where}${issue.message}`);
}

function positionOf(located: LocatedYaml, path: (string | number)[]): { line: number; column: number } {
  // A missing key has no node of its own; walk up to the nearest ancestor that exists.
  for (let depth = path.length; depth >= 0; depth--) {
    const node = located.doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      const { line, col } = located.lineCounter.linePos(node.range[0]);
      return { line: line + located.lineOffset, column: col };
    }
  }
  return { line: 1 + located.lineOffset, column: 1 };
}
