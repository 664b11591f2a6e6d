/** Reads both sides of the solution diff: the learner's workspace and the course's solution/. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Challenge } from '../content/schema.js';
import { solutionDiff, type FileDiff } from './solutionDiff.js';

const readOrUndefined = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};

export function diffAgainstSolution(courseRoot: string, challenge: Challenge, dir: string): FileDiff[] {
  return challenge.files.map((file) => solutionDiff(file, readOrUndefined(path.join(dir, file)), readOrUndefined(path.join(courseRoot, challenge.folder, 'solution', file)) ?? ''));
}
