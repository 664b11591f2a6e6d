/** `shipshape check <challenge>`: the verdict on the learner's files, static and at runtime. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkChallenge } from '../../checks/checkChallenge.js';
import { lessonForItem } from '../../content/loadCourse.js';
import { recordVerdict } from '../../progress/recordVerdict.js';
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
  const course = cliCourse();
  const challenge = course.challenges.find((candidate) => candidate.id === options.challengeId);
  if (!challenge) {
    throw new UsageError(`no challenge "${options.challengeId}"; see \`shipshape list\``, 'check');
  }
  const dir = options.dir === undefined ? ensureWorkspace(course, challenge) : path.resolve(options.dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--dir ${options.dir} is not a folder`, 'check');
  if (!options.json) io.err(style.dim(`Checking ${challenge.id} in ${dir}`, process.stderr));
  const verdict = await checkChallenge(challenge, {
    dir,
    staticOnly: options.staticOnly,
    onProgress: options.json ? undefined : (line) => io.err(style.dim(`  ${line}`, process.stderr)),
  });
  // Progress counts checks of the learner's workspace, not of some other folder.
  if (options.dir === undefined) recordVerdict(challenge, verdict, options.staticOnly);
  const lessonFor = (item: string | undefined) => lessonForItem(course, item);
  io.out(options.json ? JSON.stringify(verdictToJson(verdict, lessonFor), null, 2) : formatVerdict(verdict, lessonFor, style));
  return verdict.passed ? 0 : 1;
}
