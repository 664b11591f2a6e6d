/**
 * The shipshape command line. Arguments are parsed before anything heavy is imported: `--version`,
 * `list`, `check` never load Ink or React, and Docker code loads only when a runtime check runs.
 * Every error that reaches here becomes one readable line and an exit code, never a stack trace.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../parse/position.js';
import { commandHelp, generalHelp, UsageError } from './usage.js';
import { packageVersion } from './version.js';

export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

async function dispatch(argv: string[], io: Io): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--version' || first === '-v') {
    io.out(packageVersion());
    return 0;
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(rest[0] ? commandHelp(rest[0]) || generalHelp(packageVersion()) : generalHelp(packageVersion()));
    return 0;
  }
  const command = first === undefined || first.startsWith('-') ? 'start' : first;
  const args = first === undefined || first.startsWith('-') ? argv : rest;
  if (args.includes('--help') || args.includes('-h')) {
    io.out(commandHelp(command) || generalHelp(packageVersion()));
    return 0;
  }
  switch (command) {
    case 'start': {
      parseStrict(args, {}, 'start', 0);
      const { startCourse } = await import('./commands/start.js');
      return startCourse(io);
    }
    case 'list': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'list', 0);
      const { listCommand } = await import('./commands/list.js');
      return listCommand({ json: values.json === true }, io);
    }
    case 'lesson': {
      const { positionals } = parseStrict(args, {}, 'lesson', 1);
      const { lessonCommand } = await import('./commands/lesson.js');
      return lessonCommand(positionals[0] ?? '', io);
    }
    case 'check': {
      const { values, positionals } = parseStrict(
        args,
        { dir: { type: 'string' }, 'static-only': { type: 'boolean' }, json: { type: 'boolean' } },
        'check',
        1,
      );
      const { checkCommand } = await import('./commands/check.js');
      return checkCommand(
        { challengeId: positionals[0] ?? '', dir: values.dir as string | undefined, staticOnly: values['static-only'] === true, json: values.json === true },
        io,
      );
    }
    case 'coverage': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'coverage', 0);
      const { coverageCommand } = await import('./commands/coverage.js');
      return coverageCommand({ json: values.json === true }, io);
    }
    case 'lint': {
      const { values, positionals } = parseStrict(args, { format: { type: 'string' }, profile: { type: 'string' } }, 'lint', -1);
      if (positionals.length === 0) throw new UsageError('name at least one file or folder to lint', 'lint');
      const { lintCommand } = await import('./commands/lint.js');
      return lintCommand({ paths: positionals, format: (values.format as string | undefined) ?? 'text', profile: values.profile as string | undefined }, io);
    }
    case 'rules': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'rules', 0);
      const { rulesCommand } = await import('./commands/rules.js');
      return rulesCommand({ json: values.json === true }, io);
    }
    case 'explain': {
      const { values, positionals } = parseStrict(args, { json: { type: 'boolean' } }, 'explain', 1);
      const { explainCommand } = await import('./commands/explain.js');
      return explainCommand({ ruleId: positionals[0] ?? '', json: values.json === true }, io);
    }
    case 'author': {
      const [sub, ...subArgs] = args;
      if (sub === 'schema') {
        parseStrict(subArgs, {}, 'author', 0);
        const { authorSchemaCommand } = await import('./commands/author.js');
        return authorSchemaCommand(io);
      }
      if (sub !== 'check') throw new UsageError('expected `author check` or `author schema`', 'author');
      const { values, positionals } = parseStrict(subArgs, { 'static-only': { type: 'boolean' }, json: { type: 'boolean' } }, 'author', -1);
      const { authorCheckCommand } = await import('./commands/author.js');
      return authorCheckCommand({ ids: positionals, staticOnly: values['static-only'] === true, json: values.json === true }, io);
    }
    case 'images': {
      const [action, ...actionArgs] = args;
      if (action !== 'prepare' && action !== 'save' && action !== 'load' && action !== 'status') {
        throw new UsageError('expected `images prepare`, `images save <file.tar>`, `images load <file.tar>` or `images status`', 'images');
      }
      const takesFile = action === 'save' || action === 'load';
      const { values, positionals } = parseStrict(actionArgs, action === 'status' ? { json: { type: 'boolean' } } : {}, 'images', takesFile ? 1 : 0);
      const { imagesCommand } = await import('./commands/images.js');
      return imagesCommand({ action, file: positionals[0], json: values.json === true }, io);
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

type OptionSpec = Record<string, { type: 'boolean' | 'string'; short?: string }>;

function parseStrict(args: string[], options: OptionSpec, command: string, positionalCount: number) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments', command);
  }
  // A negative count means "any number of positionals".
  if (positionalCount >= 0 && parsed.positionals.length !== positionalCount) {
    const expected = positionalCount === 0 ? 'no arguments' : `${positionalCount} argument${positionalCount > 1 ? 's' : ''}`;
    throw new UsageError(`expected ${expected}, got ${parsed.positionals.length}`, command);
  }
  return parsed;
}

async function reportError(error: unknown, io: Io): Promise<number> {
  if (error instanceof UsageError) {
    io.err(`shipshape: ${error.message}`);
    io.err(error.command ? commandHelp(error.command) : 'Run `shipshape --help` for the commands.');
    return 2;
  }
  if (error instanceof InputError) {
    io.err(`shipshape: ${error.format()}`);
    return 2;
  }
  const { CourseContentError } = await import('../content/loadCourse.js');
  if (error instanceof CourseContentError) {
    io.err(`shipshape: ${error.message}`);
    return 2;
  }
  const { EngineUnavailableError } = await import('../runtime/engine.js');
  if (error instanceof EngineUnavailableError) {
    io.err(`shipshape: ${error.message}`);
    return 2;
  }
  // Anything else is a bug in shipshape; say so plainly, and keep the trace for who asks for it.
  io.err(`shipshape: internal error: ${error instanceof Error ? error.message : String(error)}`);
  if (process.env.SHIPSHAPE_DEBUG && error instanceof Error && error.stack) io.err(error.stack);
  else io.err('Please report this; set SHIPSHAPE_DEBUG=1 to see the details.');
  return 70;
}

/**
 * Ctrl-C and SIGTERM remove what a running check created before the process ends. A second
 * Ctrl-C exits at once.
 */
export function installSignalHandlers(): void {
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    const code = signal === 'SIGINT' ? 130 : 143;
    if (interrupted) process.exit(code);
    interrupted = true;
    process.stderr.write('\nshipshape: interrupted; removing the containers and images this run created...\n');
    void import('../runtime/session.js')
      .then(({ cleanupAllSessions }) => cleanupAllSessions(`interrupted by ${signal}`))
      .finally(() => process.exit(code));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * `shipshape list | head` closes the pipe early; that is the reader's choice, not an error, so
 * end quietly instead of printing an EPIPE stack trace.
 */
export function installPipeGuard(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
}
