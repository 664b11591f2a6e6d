/**
 * An error that reached the top of a command, as one readable line and an exit code, never a
 * stack trace: 2 for what the user can correct, 70 for a bug in shipshape.
 */
import { InputError } from '../parse/position.js';
import { visibleControls } from '../shared/visibleControls.js';
import type { Io } from './io.js';
import { commandHelp, UsageError } from './usage.js';

/** The errors every command may raise: wrong usage and unreadable input. Undefined for others. */
export function reportUsageOrInputError(error: unknown, io: Io): number | undefined {
  if (error instanceof UsageError) {
    // Both messages may quote what the user or a file wrote (a path, a key): shown, never sent.
    io.err(`shipshape: ${visibleControls(error.message)}`);
    io.err(error.command ? commandHelp(error.command) : 'Run `shipshape --help` for the commands.');
    return 2;
  }
  if (error instanceof InputError) {
    io.err(`shipshape: ${visibleControls(error.format())}`);
    return 2;
  }
  return undefined;
}

/** Anything no command explains is a bug; say so plainly, and keep the trace for who asks for it. */
export function reportInternalError(error: unknown, io: Io): number {
  io.err(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.SHIPSHAPE_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('Please report this; set SHIPSHAPE_DEBUG=1 to see the details.');
  return 70;
}
