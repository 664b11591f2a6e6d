/**
 * The edge where a learner's files are read, once per check, safely (safeRead.ts): the model
 * both halves of the check judge is built from what is read here and nothing else.
 */
import { realpathSync } from 'node:fs';
import { LearnerModel } from '../checks/learnerModel.js';
import { InputError } from '../parse/position.js';
import { readInsideFolder } from './safeRead.js';

/** A learner file bigger than this is refused before it is read (the YAML parser's own cap). */
export const MAX_LEARNER_FILE_BYTES = 4 * 1024 * 1024;

/**
 * Reads the named files of a folder into a LearnerModel: a missing file is undefined, a file
 * that may not be read (a symlink out of the folder, a FIFO, a folder, too big) is kept with
 * the reason, which the check reports at the file's first line.
 * @throws InputError when the folder itself does not exist
 */
export function readLearnerModel(dir: string, files: readonly string[]): LearnerModel {
  let root: string;
  try {
    root = realpathSync(dir);
  } catch {
    throw new InputError(dir, { line: 1, column: 1 }, 'this folder does not exist, so there are no files to check');
  }
  const texts = new Map<string, string | undefined>();
  const unreadable = new Map<string, string>();
  for (const file of new Set(files)) {
    const read = readInsideFolder(root, file, MAX_LEARNER_FILE_BYTES);
    if (read.state === 'read') texts.set(file, read.content.toString('utf8'));
    else if (read.state === 'missing') texts.set(file, undefined);
    else unreadable.set(file, read.reason);
  }
  return new LearnerModel(texts, unreadable);
}
