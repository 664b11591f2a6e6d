/**
 * The shipshape command line. Arguments are parsed before anything heavy is imported: `--version`,
 * `list`, `check` never load Ink or React, and Docker code loads only when a runtime check runs.
 * Every error that reaches here becomes one readable line and an exit code, never a stack trace.
 * (`lint` usually arrives through lintProgram.ts instead; see bin/shipshape.cjs.)
 */
import { defaultIo, type Io } from './io.js';
import { runLint } from './lintArguments.js';
import { parseStrict } from './parseStrict.js';
import { reportInternalError, reportUsageOrInputError } from './reportError.js';
import { installShutdownHandlers } from './shutdown.js';
import { commandHelp, generalHelp, UsageError } from './usage.js';
import { packageVersion } from './version.js';

export type { Io } from './io.js';

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
      const { values } = parseStrict(args, { plain: { type: 'boolean' } }, 'start', 0);
      const { startCourse } = await import('./commands/start.js');
      return startCourse(io, { plain: values.plain === true });
    }
    case 'list': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'list', 0);
      const { listCommand } = await import('./commands/list.js');
      return listCommand({ json: values.json === true }, io);
    }
    case 'lesson': {
      const { values, positionals } = parseStrict(args, { answers: { type: 'boolean' } }, 'lesson', 1);
      const { lessonCommand } = await import('./commands/lesson.js');
      return lessonCommand(positionals[0] ?? '', io, { answers: values.answers === true });
    }
    case 'watch': {
      const { values, positionals } = parseStrict(args, { dir: { type: 'string' }, 'static-only': { type: 'boolean' } }, 'watch', 1);
      const { watchCommand } = await import('./commands/watch.js');
      return watchCommand({ challengeId: positionals[0] ?? '', dir: values.dir as string | undefined, staticOnly: values['static-only'] === true }, io);
    }
    case 'progress': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'progress', 0);
      const { progressCommand } = await import('./commands/progress.js');
      return progressCommand({ json: values.json === true }, io);
    }
    case 'reset': {
      const { values, positionals } = parseStrict(args, { yes: { type: 'boolean', short: 'y' } }, 'reset', 1);
      const { resetCommand } = await import('./commands/reset.js');
      return resetCommand({ challengeId: positionals[0] ?? '', yes: values.yes === true }, io);
    }
    case 'hint': {
      const { positionals } = parseStrict(args, {}, 'hint', -1);
      if (positionals.length < 1 || positionals.length > 2) throw new UsageError('expected a challenge id and an optional hint number', 'hint');
      const { hintCommand } = await import('./commands/hint.js');
      return hintCommand({ challengeId: positionals[0] ?? '', number: positionals[1] }, io);
    }
    case 'solution': {
      const { values, positionals } = parseStrict(args, { force: { type: 'boolean' } }, 'solution', 1);
      const { solutionCommand } = await import('./commands/solution.js');
      return solutionCommand({ challengeId: positionals[0] ?? '', force: values.force === true }, io);
    }
    case 'next': {
      parseStrict(args, {}, 'next', 0);
      const { nextCommand } = await import('./commands/next.js');
      return nextCommand(io);
    }
    case 'check': {
      const { values, positionals } = parseStrict(
        args,
        { dir: { type: 'string' }, 'static-only': { type: 'boolean' }, json: { type: 'boolean' } },
        'check',
        1,
      );
      // The engine connects (and is swept) while the course and the check's code load.
      if (values['static-only'] !== true) void import('../runtime/engineConnection.js').then(({ warmUpEngine }) => warmUpEngine(), () => undefined);
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
    case 'lint':
      return runLint(args, io);
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
    case 'grade': {
      if (args[0] === 'merge') {
        const { values, positionals } = parseStrict(args.slice(1), { format: { type: 'string' }, out: { type: 'string' }, 'sign-key': { type: 'string' } }, 'grade', -1);
        const { gradeMergeCommand } = await import('./commands/grade.js');
        return gradeMergeCommand({ reports: positionals, format: (values.format as string | undefined) ?? 'json', out: values.out as string | undefined, signKey: values['sign-key'] as string | undefined }, io);
      }
      const { values, positionals } = parseStrict(
        args,
        {
          challenges: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, jobs: { type: 'string' }, engine: { type: 'string', multiple: true },
          shard: { type: 'string' }, seeds: { type: 'string' }, 'sign-key': { type: 'string' }, timeout: { type: 'string' },
        },
        'grade',
        1,
      );
      const { gradeCommand } = await import('./commands/grade.js');
      return gradeCommand(
        {
          submissions: positionals[0] ?? '', challenges: values.challenges as string | undefined, format: (values.format as string | undefined) ?? 'json',
          out: values.out as string | undefined, jobs: values.jobs as string | undefined, engines: (values.engine as string[] | undefined) ?? [],
          shard: values.shard as string | undefined, seeds: values.seeds as string | undefined, signKey: values['sign-key'] as string | undefined, timeout: values.timeout as string | undefined,
        },
        io,
      );
    }
    case 'verify-report': {
      const { values, positionals } = parseStrict(args, { 'public-key': { type: 'string' }, signature: { type: 'string' } }, 'verify-report', 1);
      const { verifyReportCommand } = await import('./commands/verifyReport.js');
      return verifyReportCommand({ report: positionals[0] ?? '', publicKey: values['public-key'] as string | undefined, signature: values.signature as string | undefined }, io);
    }
    case 'variant': {
      const { values, positionals } = parseStrict(args, { seed: { type: 'string' }, out: { type: 'string' }, solution: { type: 'boolean' } }, 'variant', 1);
      const { variantCommand } = await import('./commands/variant.js');
      return variantCommand({ challengeId: positionals[0] ?? '', seed: values.seed as string | undefined, out: values.out as string | undefined, solution: values.solution === true }, io);
    }
    case 'export': {
      const { values } = parseStrict(args, { out: { type: 'string' }, student: { type: 'string' } }, 'export', 0);
      const { exportCommand } = await import('./commands/export.js');
      return exportCommand({ out: values.out as string | undefined, student: values.student as string | undefined }, io);
    }
    case 'doctor': {
      const { values } = parseStrict(args, { json: { type: 'boolean' } }, 'doctor', 0);
      const { doctorCommand } = await import('./commands/doctor.js');
      return doctorCommand({ json: values.json === true }, io);
    }
    case 'workshop': {
      const [action, ...actionArgs] = args;
      if (action === 'bundle') {
        const { values } = parseStrict(actionArgs, { out: { type: 'string' } }, 'workshop', 0);
        const { workshopBundleCommand } = await import('./commands/workshop.js');
        return workshopBundleCommand({ out: values.out as string | undefined }, io);
      }
      if (action === 'load') {
        const { positionals } = parseStrict(actionArgs, {}, 'workshop', 1);
        const { workshopLoadCommand } = await import('./commands/workshop.js');
        return workshopLoadCommand({ file: positionals[0] ?? '' }, io);
      }
      throw new UsageError('expected `workshop bundle --out FILE` or `workshop load FILE`', 'workshop');
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

async function reportError(error: unknown, io: Io): Promise<number> {
  const usageOrInput = reportUsageOrInputError(error, io);
  if (usageOrInput !== undefined) return usageOrInput;
  const { CourseContentError } = await import('../content/course.js');
  if (error instanceof CourseContentError) {
    io.err(`shipshape: ${error.message}`);
    return 2;
  }
  const { ProgressFileError } = await import('../progress/store.js');
  if (error instanceof ProgressFileError) {
    io.err(`shipshape: ${error.message}`);
    return 2;
  }
  const { EngineUnavailableError } = await import('../runtime/engine.js');
  if (error instanceof EngineUnavailableError) {
    io.err(`shipshape: ${error.message}`);
    return 2;
  }
  return reportInternalError(error, io);
}

/**
 * Every way out (Ctrl-C, SIGTERM, SIGHUP, a closed pipe, an uncaught error) removes what a
 * running check created before the process ends, with a non-zero exit code (shutdown.ts).
 */
export function installSignalHandlers(): void {
  installShutdownHandlers();
}

/** Kept for the bin: the closed-pipe guard is part of the shutdown handlers now. */
export function installPipeGuard(): void {
  // installShutdownHandlers already treats EPIPE on stdout and stderr as a way out.
}

export { cleanupAndExit, requestShutdown, shutdownRequested } from './shutdown.js';
