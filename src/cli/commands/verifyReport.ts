/** `shipshape verify-report REPORT --public-key FILE`: exit 0 when the report is unchanged since it was signed, 1 when not. */
import { readFileSync } from 'node:fs';
import { SignatureError, verifyReportSignature } from '../../grade/signature.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';

export function verifyReportCommand(options: { report: string; publicKey: string | undefined; signature: string | undefined }, io: Io): number {
  if (options.publicKey === undefined) throw new UsageError('--public-key FILE is required', 'verify-report');
  const signatureFile = options.signature ?? `${options.report}.sig`;
  const report = read(options.report, 'the report');
  const signature = read(signatureFile, 'the signature').toString('utf8');
  const key = read(options.publicKey, '--public-key').toString('utf8');
  let outcome;
  try {
    outcome = verifyReportSignature(report, signature, key);
  } catch (error) {
    if (error instanceof SignatureError) throw new UsageError(`--public-key: ${error.message}`, 'verify-report');
    throw error;
  }
  if (outcome.valid) {
    io.out(style.green(`${options.report}: the signature is valid; the report is as the grader signed it.`));
    return 0;
  }
  io.out(style.red(`${options.report}: NOT valid: ${outcome.reason}.`));
  return 1;
}

function read(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'verify-report');
  }
}
