/**
 * Finding the submissions to grade: `<submissions>/<student>/<challenge-id>/<files>`, or a folder
 * of `shipshape export` archives (unpacked by the caller first, see ../export). Only real folders
 * count: a student or challenge entry that is a symlink is skipped and said, since following it
 * would grade files outside the submissions. Reads folder listings only, never file contents.
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';

export interface SubmissionFolder {
  student: string;
  challenge: string;
  dir: string;
}

export interface DiscoveredSubmissions {
  /** Student ids, sorted, each with the challenge folders found for them. */
  students: { id: string; challenges: Map<string, string> }[];
  /** Entries that were skipped, with why: for the grader's log, not the report. */
  skipped: string[];
}

const STUDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;

/**
 * Lists students and their challenge folders. `knownChallenges` decides which folder names are
 * challenges; any other name is skipped.
 */
export function discoverSubmissions(root: string, knownChallenges: ReadonlySet<string>): DiscoveredSubmissions {
  const skipped: string[] = [];
  const students: DiscoveredSubmissions['students'] = [];
  for (const name of sortedEntries(root)) {
    const full = path.join(root, name);
    const kind = entryKind(full);
    if (kind !== 'folder') {
      if (!name.startsWith('.')) skipped.push(`${name}: ${kind === 'symlink' ? 'a symlink, not a folder' : 'not a folder'}`);
      continue;
    }
    if (!STUDENT_ID.test(name)) {
      skipped.push(`${name}: not a usable student id (letters, digits and . _ @ + -, at most 128)`);
      continue;
    }
    const challenges = new Map<string, string>();
    for (const entry of sortedEntries(full)) {
      const challengeDir = path.join(full, entry);
      if (!knownChallenges.has(entry)) {
        if (!entry.startsWith('.')) skipped.push(`${name}/${entry}: not a challenge of this course`);
        continue;
      }
      const entryType = entryKind(challengeDir);
      if (entryType !== 'folder') {
        skipped.push(`${name}/${entry}: ${entryType === 'symlink' ? 'a symlink, not a folder' : 'not a folder'}`);
        continue;
      }
      challenges.set(entry, challengeDir);
    }
    students.push({ id: name, challenges });
  }
  return { students, skipped };
}

function sortedEntries(dir: string): string[] {
  // Byte order, not locale order: the same on every machine, so reports are too.
  return readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function entryKind(full: string): 'folder' | 'symlink' | 'other' {
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat) return 'other';
  if (stat.isSymbolicLink()) return 'symlink';
  return stat.isDirectory() ? 'folder' : 'other';
}
