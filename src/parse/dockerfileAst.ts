/**
 * dockerfile-ast, with one derived value remembered. Every instruction's arguments are
 * recomputed from the text (a character loop plus two positionAt searches per argument) on each
 * getRawArguments call, and the package itself calls it again and again: getArguments,
 * getFlags, getArgumentsContent, getArgumentsRanges, getRawArgumentsContent and the
 * JSONInstruction constructor all start from it, six to eight times per instruction before a
 * rule has looked at anything. That was a third of linting a Dockerfile.
 *
 * The result depends only on what the instruction was constructed with (its document, range and
 * keyword range, never changed afterwards), so it is computed once per instruction. Callers of
 * the package modify what they get: ModifiableInstruction.getArguments shift()s flags off the
 * array, and From's getImageNameRange and getRegistryRange assign `range.start` and `range.end`
 * of an argument's range. So each call still gets its own array of its own Arguments with their
 * own Range objects, as before; only the positions are shared, and the package never assigns to
 * a position's fields (held by the test beside this file).
 */
import { Argument, DockerfileParser, Instruction } from 'dockerfile-ast';

type RawArguments = () => Argument[];

const prototype = Instruction.prototype as unknown as { getRawArguments: RawArguments };
/** The package's own computation, kept for the test that holds the memo to it. */
export const computeRawArguments: RawArguments = prototype.getRawArguments;

const remembered = new WeakMap<object, Argument[]>();

prototype.getRawArguments = function getRawArguments(this: Instruction): Argument[] {
  let args = remembered.get(this);
  if (args === undefined) {
    args = computeRawArguments.call(this);
    remembered.set(this, args);
  }
  const copies = new Array<Argument>(args.length);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as Argument;
    const range = arg.getRange();
    copies[i] = new Argument(arg.getValue(), { start: range.start, end: range.end });
  }
  return copies;
};

export { DockerfileParser };
