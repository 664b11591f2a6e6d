/**
 * What dockerfile-ast takes from vscode-languageserver-types, and nothing else: `Position.create`
 * and `Range.create`, with the same results and the same error.
 *
 * The bundle (scripts/bundle.mjs) gives dockerfile-ast this module in place of the package,
 * whose 84 KB of namespaces were compiled and run on every `lint` of a Dockerfile for two
 * functions. `languageServerTypes.test.ts` holds it to the package and checks dockerfile-ast
 * still uses nothing more.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

const UINTEGER_MAX = 2147483647;

const isUinteger = (value: unknown): value is number =>
  typeof value === 'number' && value >= 0 && value <= UINTEGER_MAX; // as the package: no integer test

const isPosition = (value: unknown): value is Position =>
  value !== null && typeof value === 'object' && isUinteger((value as Position).line) && isUinteger((value as Position).character);

export const Position = {
  create(line: number, character: number): Position {
    return { line: line === Number.MAX_VALUE ? UINTEGER_MAX : line, character: character === Number.MAX_VALUE ? UINTEGER_MAX : character };
  },
};

export const Range = {
  create(one: number | Position, two: number | Position, three?: number, four?: number): Range {
    if (isUinteger(one) && isUinteger(two) && isUinteger(three) && isUinteger(four)) {
      return { start: Position.create(one, two), end: Position.create(three, four) };
    }
    if (isPosition(one) && isPosition(two)) return { start: one, end: two };
    throw new Error(`Range#create called with invalid arguments[${one}, ${two}, ${three}, ${four}]`);
  },
};
