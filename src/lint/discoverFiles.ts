/**
 * Finds the files `shipshape lint` should read under the paths a user gives: Dockerfiles,
 * compose files, Kubernetes YAML and CI workflows (recognised by content), daemon.json. This is
 * the filesystem edge of linting; everything after it is pure.
 */
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileKindByName, isYamlName, type FileKind } from '../checks/fileKinds.js';
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

interface Candidate {
  full: string;
  display: string;
  explicit: boolean;
  given: string;
}

/** Folders that never hold the user's own configuration. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git', '.hg', '.svn', 'vendor', '.terraform', '.venv', '__pycache__']);
/** Above this, a file is read only far enough for the parser to refuse it with a clear message. */
const MAX_READ_BYTES = 8 * 1024 * 1024;

export async function discoverFiles(paths: readonly string[], cwd: string = process.cwd()): Promise<Discovery> {
  const discovery: Discovery = { sources: [], skipped: [], missing: [] };
  const candidates: Candidate[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    if (!existsSync(full)) discovery.missing.push(given);
    else if (lstatSync(full).isDirectory()) walk(full, cwd, given, candidates);
    else candidates.push({ full, display: displayPath(full, cwd), explicit: true, given });
  }
  // The YAML parser loads only when there is YAML to look at.
  const detectYaml = candidates.some((c) => isYamlName(c.full)) ? (await import('../checks/yamlFileKind.js')).fileKindByContent : undefined;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    if (seen.has(candidate.full)) continue;
    seen.add(candidate.full);
    const source = toSource(candidate, detectYaml);
    if (source) discovery.sources.push(source);
    else if (candidate.explicit) discovery.skipped.push(candidate.given);
  }
  return discovery;
}

function walk(dir: string, cwd: string, given: string, into: Candidate[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return; // Unreadable folder: nothing of it can be linted, and that is not the user's error.
  }
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const full = path.join(dir, entry.name);
    // Symlinks are not followed: a link to / must not make lint walk the whole machine.
    if (entry.isDirectory() && !SKIPPED_DIRECTORIES.has(entry.name)) walk(full, cwd, given, into);
    else if (entry.isFile() && fileKindByName(entry.name) !== 'unknown' || (entry.isFile() && isYamlName(entry.name))) {
      into.push({ full, display: displayPath(full, cwd), explicit: false, given });
    }
  }
}

function toSource(candidate: Candidate, detectYaml: ((file: string, text: string) => FileKind) | undefined): LintSource | undefined {
  const byName = fileKindByName(candidate.display);
  if (byName === 'unknown' && !isYamlName(candidate.full)) return undefined;
  const text = readCapped(candidate.full);
  const kind = isYamlName(candidate.full) && detectYaml ? detectYaml(candidate.display, text) : byName;
  if (kind === 'unknown') return undefined;
  const source: LintSource = { file: candidate.display, kind, text };
  if (kind === 'dockerfile') {
    const ignoreFile = path.join(path.dirname(candidate.full), '.dockerignore');
    if (existsSync(ignoreFile)) source.dockerignore = readCapped(ignoreFile);
  }
  return source;
}

function readCapped(file: string): string {
  return readFileSync(file).subarray(0, MAX_READ_BYTES + 1).toString('utf8');
}

function displayPath(full: string, cwd: string): string {
  const relative = path.relative(cwd, full);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : full).split(path.sep).join('/');
}
