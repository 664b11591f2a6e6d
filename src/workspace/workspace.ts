/**
 * The learner's workspace: a writable copy of each challenge's broken files, made on first use
 * and never overwritten afterwards (that would lose their work), except by an explicit reset.
 */
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../content/loadCourse.js';
import type { Challenge } from '../content/schema.js';
import { readLearnerModel } from './learnerFiles.js';
import { dataDirectory } from './paths.js';

export function workspaceDir(challenge: Pick<Challenge, 'id'>, dataDir = dataDirectory()): string {
  return path.join(dataDir, 'workspace', challenge.id);
}

/** Returns the challenge's workspace folder, copying the broken files there the first time. */
export function ensureWorkspace(course: Course, challenge: Challenge, dataDir = dataDirectory()): string {
  const dir = workspaceDir(challenge, dataDir);
  if (!existsSync(dir)) {
    mkdirSync(path.dirname(dir), { recursive: true });
    cpSync(path.join(course.root, challenge.folder, 'broken'), dir, { recursive: true });
  }
  return dir;
}

/** Puts the broken files back; the learner's version is kept beside them as `<file>.bak`. */
export function resetWorkspace(course: Course, challenge: Challenge, dataDir = dataDirectory()): string {
  const dir = workspaceDir(challenge, dataDir);
  for (const file of challenge.files) {
    const target = path.join(dir, file);
    if (existsSync(target)) cpSync(target, `${target}.bak`);
  }
  cpSync(path.join(course.root, challenge.folder, 'broken'), dir, { recursive: true });
  return dir;
}

/**
 * Reads the challenge's files from a folder; a missing file, or one that may not be read (see
 * learnerFiles.ts), maps to undefined. Kept for callers that want texts only.
 */
export function readLearnerFiles(dir: string, files: readonly string[]): Map<string, string | undefined> {
  const model = readLearnerModel(dir, files);
  return new Map(files.map((file) => [file, model.text(file)]));
}
