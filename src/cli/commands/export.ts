/** `shipshape export [--out FILE]`: the learner's work as one archive to hand in (see ../../export/exportArchive.ts). */
import os from 'node:os';
import path from 'node:path';
import { EXPORT_SUFFIX, writeExport } from '../../export/exportArchive.js';
import { dataDirectory } from '../../workspace/paths.js';
import type { Io } from '../main.js';
import { UsageError } from '../usage.js';
import { packageVersion } from '../version.js';

export async function exportCommand(options: { out: string | undefined; student: string | undefined }, io: Io): Promise<number> {
  const student = options.student ?? safeUserName();
  if (!/^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/.test(student)) throw new UsageError(`--student ${student}: use letters, digits and . _ @ + - (it names your archive)`, 'export');
  const out = path.resolve(options.out ?? `${student}${EXPORT_SUFFIX}`);
  const manifest = await writeExport(dataDirectory(), out, student, packageVersion());
  const challenges = new Set(manifest.files.filter((f) => f.path.startsWith('workspace/')).map((f) => f.path.split('/')[1]));
  io.out(`wrote ${out}: ${manifest.files.length} file(s) from ${challenges.size} challenge workspace(s), with a manifest of SHA-256 hashes`);
  if (challenges.size === 0) io.err('shipshape: note: there are no workspaces yet; start a challenge (shipshape check <id>) first');
  io.out('Hand this file in. Your instructor grades the files again; the verdicts you saw here are for your information.');
  return 0;
}

function safeUserName(): string {
  try {
    return os.userInfo().username.replace(/[^A-Za-z0-9._@+-]/g, '-') || 'learner';
  } catch {
    return 'learner';
  }
}
