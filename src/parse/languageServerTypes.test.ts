import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import * as real from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { Position, Range } from './languageServerTypes.js';

describe('the stand-in for vscode-languageserver-types', () => {
  it('is all that dockerfile-ast uses of the package', () => {
    const lib = path.dirname(createRequire(import.meta.url).resolve('dockerfile-ast'));
    const used = new Set<string>();
    for (const file of readdirSync(lib).filter((name) => name.endsWith('.js'))) {
      for (const match of readFileSync(path.join(lib, file), 'utf8').matchAll(/vscode_languageserver_types_1\.(\w+(?:\.\w+)?)/g)) used.add(match[1]!);
    }
    expect([...used].sort()).toEqual(['Position.create', 'Range.create']);
  });

  it('creates the same positions and ranges, and refuses what the package refuses', () => {
    const numbers = [0, 1, 7, 2147483647, Number.MAX_VALUE, -1, 1.5, Number.NaN];
    for (const a of numbers) for (const b of numbers) expect(Position.create(a, b)).toEqual(real.Position.create(a, b));
    const quads: [number, number, number, number][] = [[0, 0, 0, 0], [1, 2, 3, 4], [0, 5, 2147483647, 0], [-1, 0, 0, 0], [0, 0.5, 1, 1]];
    for (const [a, b, c, d] of quads) {
      let theirs: unknown;
      try { theirs = real.Range.create(a, b, c, d); } catch (error) { theirs = (error as Error).message; }
      let ours: unknown;
      try { ours = Range.create(a, b, c, d); } catch (error) { ours = (error as Error).message; }
      expect(ours).toEqual(theirs);
    }
    const start = { line: 1, character: 2 };
    const end = { line: 3, character: 0 };
    expect(Range.create(start, end)).toEqual(real.Range.create(start, end));
    expect(Range.create(start, end).start).toBe(start);
    expect(() => Range.create({ line: -1, character: 0 }, end)).toThrow(/invalid arguments/);
  });
});
