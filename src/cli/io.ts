/** Where a command writes: the process's streams, or a test's buffers. */
import { streamClosed } from './shutdown.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

// A closed pipe is a way out (shutdown.ts), not a reason to fail again on every later line.
export const defaultIo: Io = {
  out: (text) => void (streamClosed(process.stdout) || process.stdout.write(`${text}\n`)),
  err: (text) => void (streamClosed(process.stderr) || process.stderr.write(`${text}\n`)),
};
