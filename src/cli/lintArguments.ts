/**
 * `shipshape lint`'s command line, shared by the full CLI (main.ts) and the lint-only program
 * (lintProgram.ts) that the bin starts from a code cache.
 */
import type { Io } from './io.js';
import { parseStrict } from './parseStrict.js';
import { UsageError } from './usage.js';

export async function runLint(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseStrict(
    args,
    {
      format: { type: 'string' }, profile: { type: 'string' }, config: { type: 'string' }, exclude: { type: 'string', multiple: true },
      'fail-on': { type: 'string' }, 'print-config': { type: 'boolean' }, 'stdin-filename': { type: 'string' },
    },
    'lint',
    -1,
  );
  if (positionals.length === 0) throw new UsageError('name at least one file or folder to lint (or `-` for standard input)', 'lint');
  const { lintCommand } = await import('./commands/lint.js');
  return lintCommand({
    paths: positionals,
    format: (values.format as string | undefined) ?? 'text',
    profile: values.profile as string | undefined,
    config: values.config as string | undefined,
    exclude: values.exclude as string[] | undefined,
    failOn: values['fail-on'] as string | undefined,
    printConfig: values['print-config'] === true,
    stdinFilename: values['stdin-filename'] as string | undefined,
  }, io);
}
