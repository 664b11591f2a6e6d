/**
 * Finds the files `shipshape lint` should read under the paths a user gives: Dockerfiles,
 * compose files, Kubernetes YAML and CI workflows (recognised by content), daemon.json. This is
 * the filesystem edge of linting; everything after it is pure.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileKindByContent, fileKindByName, isYamlName } from '../checks/fileKinds.js';
import type { RuleTarget } from '../rules/types.js';

export interface LintSource {
  /** As the user should see it: relative to the current folder when inside it. */
  file: string;
  kind: RuleTarget;
  text: string;
  /** The `.dockerignore` beside a Dockerfile, when there is one. */
  dockerignore?: string;
}

export interface Discovery {
  sources: LintSource[];
  /** Paths given explicitly that are not a kind shipshape checks; reported, not fatal. */
  skipped: string[];
  /** Paths that do not exist. */
  missing: string[];
}

/** Folders that never hold the user's own configuration. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.terraform', '.venv', '__pycache__']);
/** Above this, a file is read only far enough for the parser to refuse it with a clear message. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

export function discoverFiles(paths: readonly string[], cwd: string = process.cwd()): Discovery {
  const discovery: Discovery = { sources: [], skipped: [], missing: [] };
  const seen = new Set<string>();
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    if (!existsSync(full)) {
      discovery.missing.push(given);
      continue;
    }
    const stat = lstatSync(full);
    if (stat.isDirectory()) walk(full, cwd, discovery, seen);
    else if (!addFile(full, cwd, discovery, seen, true)) discovery.skipped.push(given);
  }
  return discovery;
}

function walk(dir: string, cwd: string, discovery: Discovery, seen: Set<string>): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // Unreadable folder: nothing of it can be linted, and that is not the user's error.
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    // Symlinks are not followed: a link to / must not make lint walk the whole machine.
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full, cwd, discovery, seen);
    else if (entry.isFile()) addFile(full, cwd, discovery, seen, false);
  }
}

function addFile(full: string, cwd: string, discovery: Discovery, seen: Set<string>, explicit: boolean): boolean {
  if (seen.has(full)) return true;
  const display = displayPath(full, cwd);
  const byName = fileKindByName(display);
  if (byName === 'unknown' && !explicit) return false;
  if (byName === 'unknown' && !isYamlName(full)) return false;
  const text = readCapped(full);
  const kind = isYamlName(full) ? fileKindByContent(display, text) : byName;
  if (kind === 'unknown') return false;
  seen.add(full);
  const source: LintSource = { file: display, kind, text };
  if (kind === 'dockerfile') {
    const ignoreFile = path.join(path.dirname(full), '.dockerignore');
    if (existsSync(ignoreFile)) source.dockerignore = readCapped(ignoreFile);
  }
  discovery.sources.push(source);
  return true;
}

function readCapped(file: string): string {
  const buffer = readFileSync(file);
  return buffer.subarray(0, MAX_READ_BYTES + 1).toString('utf8');
}

function displayPath(full: string, cwd: string): string {
  const relative = path.relative(cwd, full);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : full).split(path.sep).join('/');
}
