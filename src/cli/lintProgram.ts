/**
 * `shipshape lint` as a program of its own. The bin starts it from V8's code cache
 * (codeCache.ts): lint is a short-lived process whose time goes mostly to compiling and first
 * runs of its parsers and rules, and the cache hands it their compiled bytecode. It is bundled
 * apart from the full CLI (scripts/bundle.mjs) so the cache covers lint's code and nothing
 * else; it answers exactly as `main(['lint', ...])` does.
 */
import { defaultIo, type Io } from './io.js';
import { runLint } from './lintArguments.js';
import { reportInternalError, reportUsageOrInputError } from './reportError.js';
import { installShutdownHandlers } from './shutdown.js';
import { commandHelp } from './usage.js';

export { shutdownRequested } from './shutdown.js';
export { LINT_FORMATS } from './commands/lint.js';

/** `argv` as the full CLI gets it: `['lint', ...]`. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...args] = argv;
  try {
    if (command !== 'lint') throw new Error(`the lint program was started for "${command}"`);
    if (args.includes('--help') || args.includes('-h')) {
      io.out(commandHelp('lint'));
      return 0;
    }
    return await runLint(args, io);
  } catch (error) {
    return reportUsageOrInputError(error, io) ?? reportInternalError(error, io);
  }
}

export function installSignalHandlers(): void {
  installShutdownHandlers();
}
