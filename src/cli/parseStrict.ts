/** A command's arguments, parsed strictly: an unknown option or a wrong count is a UsageError. */
import { parseArgs } from 'node:util';
import { UsageError } from './usage.js';

export type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string; multiple?: boolean }>;

/** A negative `positionalCount` means "any number of positionals". */
export function parseStrict(args: string[], options: OptionSpec, command: string, positionalCount: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments', command);
  }
  if (positionalCount >= 0 && parsed.positionals.length !== positionalCount) {
    const expected = positionalCount === 0 ? 'no arguments' : `${positionalCount} argument${positionalCount > 1 ? 's' : ''}`;
    throw new UsageError(`expected ${expected}, got ${parsed.positionals.length}`, command);
  }
  return parsed;
}
