/**
 * Trying to create a file in a folder from inside the container, and removing it again when
 * that worked. Shared by the read-only probe and the write attack, which both need to tell
 * "refused by the filesystem" from "this image has no `touch` to try with".
 */
import { randomBytes } from 'node:crypto';
import type { ExecResult } from '../container.js';
import { execOutcome, firstOutputLine } from './execOutcome.js';

export type WriteAttempt =
  | { kind: 'written'; file: string }
  | { kind: 'refused'; file: string; reason: string }
  | { kind: 'untestable'; reason: string };

export async function tryCreateFile(run: (cmd: string[]) => Promise<ExecResult>, folder: string): Promise<WriteAttempt> {
  const file = `${folder.replace(/\/+$/, '')}/.shipshape-probe-${randomBytes(4).toString('hex')}`;
  const touched = await run(['touch', file]);
  if (execOutcome(touched) !== 'ran') return { kind: 'untestable', reason: `no \`touch\` to try with (${firstOutputLine(touched)})` };
  if (touched.exitCode !== 0) return { kind: 'refused', file, reason: firstOutputLine(touched) };
  // Leave the container as we found it: later probes may look at the same folders.
  await run(['rm', '-f', file]);
  return { kind: 'written', file };
}
