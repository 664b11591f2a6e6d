/** `shipshape check <challenge>`: the verdict on the learner's files, static and at runtime. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkChallenge } from '../../checks/checkChallenge.js';
import { lessonForItem } from '../../content/course.js';
import { recordVerdict } from '../../progress/recordVerdict.js';
import { progressLine } from '../../report/checkProgress.js';
import { formatVerdict, verdictToJson } from '../../report/checkReport.js';
import { ensureWorkspace } from '../../workspace/workspace.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { cliCourse } from '../course.js';

export interface CheckCommandOptions {
  challengeId: string;
  dir: string | undefined;
  staticOnly: boolean;
  json: boolean;
}

export async function checkCommand(options: CheckCommandOptions, io: Io): Promise<number> {
  const course = (await cliCourse());
  const challenge = course.challenges.find((candidate) => candidate.id === options.challengeId);
  if (!challenge) {
    throw new UsageError(`no challenge "${options.challengeId}"; see \`shipshape list\``, 'check');
  }
  const dir = options.dir === undefined ? ensureWorkspace(course, challenge) : learnerFolder(options.dir);
  if (!options.json) io.err(style.dim(`Checking ${challenge.id} in ${dir}`, process.stderr));
  const dockerfile = challenge.checks.runtime?.dockerfile;
  const verdict = await checkChallenge(challenge, {
    dir,
    staticOnly: options.staticOnly,
    onEvent: options.json
      ? undefined
      : (event) => {
          const line = progressLine(event, dockerfile);
          if (line !== undefined) io.err(style.dim(`  ${line}`, process.stderr));
        },
  });
  // Progress counts checks of the learner's workspace, not of some other folder.
  if (options.dir === undefined) recordVerdict(challenge, verdict, options.staticOnly);
  // A file that does not parse: say where first, the way an editor links it, then the checks it fails.
  if (verdict.parseError && !options.json) {
    const { file, line, column, message } = verdict.parseError;
    io.err(`shipshape: ${path.join(dir, file)}:${line}:${column}: ${message}`);
  }
  const lessonFor = (item: string | undefined) => lessonForItem(course, item);
  io.out(options.json ? JSON.stringify(verdictToJson(verdict, lessonFor), null, 2) : formatVerdict(verdict, lessonFor, style));
  return verdict.passed ? 0 : 1;
}

/** System folders hold no challenge; walking them as a build context would only hang or fail. */
const SYSTEM_FOLDERS = ['/proc', '/sys', '/dev'];

/** The --dir folder, resolved; a usage error (exit 2) when it is not a folder a learner's files can be in. */
function learnerFolder(dir: string): string {
  let real: string;
  try {
    real = realpathSync(path.resolve(dir));
  } catch {
    throw new UsageError(`--dir ${dir} does not exist`, 'check');
  }
  if (!statSync(real).isDirectory()) throw new UsageError(`--dir ${dir} is not a folder`, 'check');
  if (SYSTEM_FOLDERS.some((system) => real === system || real.startsWith(`${system}/`))) {
    throw new UsageError(`--dir ${dir} is a system folder (${real}), not a folder with your challenge files`, 'check');
  }
  return real;
}
