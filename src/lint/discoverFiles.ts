/**
 * Finds the files `shipshape lint` should read under the paths a user gives: Dockerfiles,
 * compose files, Kubernetes YAML and JSON, CI workflows (recognised by content), daemon.json.
 * This is the filesystem edge of linting; everything after it is pure. Nothing here can hang or
 * exhaust the run: files are read through readBounded (regular files only, size known first),
 * symlinks are followed to regular files and to folders inside the tree with loop detection, and
 * what cannot be read becomes a finding while the run goes on.
 */
import { readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs';
import path from 'node:path';
import type { InputError } from '../parse/position.js';
import type { YamlDocuments } from '../parse/yamlSource.js';
import type { RuleTarget, Severity } from '../rules/types.js';
import { letEventLoopTurn } from '../shared/eventLoopTurns.js';
import { nameHint, SKIPPED_DIRECTORIES, type NameHint } from './fileNames.js';
import { describeFileType, readBounded, reasonOf } from './readBounded.js';
import type { YamlRecognition } from './recognizeYaml.js';

export interface LintSource {
  /** As the user should see it: relative to the current folder when inside it. */
  file: string;
  kind: RuleTarget;
  text: string;
  /** The `.dockerignore` that applies to a Dockerfile, when there is one. */
  dockerignore?: string;
  /** YAML parsed once while recognising the file; absent for Dockerfiles and daemon.json. */
  yaml?: YamlDocuments;
  /** Set when the file cannot be read as its kind at all (binary, too large for the parser). */
  fatal?: InputError;
  /** The path the user gave that led here (each may have its own `.shipshape.yaml`). */
  given: string;
}

/** A file or folder reported without being linted: a template, a file too large or unreadable. */
export interface InputNotice {
  file: string;
  rule: InputRuleId;
  severity: Severity;
  message: string;
  given: string;
}

export type InputRuleId = 'input/unreadable' | 'input/too-large' | 'input/template';

export interface Discovery {
  sources: LintSource[];
  /** Become findings: they say something about the user's files. */
  notices: InputNotice[];
  /** Printed on stderr: a FIFO or device skipped, a symlink loop, a link out of the tree. */
  notes: string[];
  /** Paths given explicitly that are not a kind shipshape checks; reported, not fatal. */
  skipped: string[];
  /** Paths that do not exist. */
  missing: string[];
}

/** True when a path (absolute) is excluded by the configuration or `--exclude`. */
export type ExcludeMatcher = (absolutePath: string, isDirectory: boolean) => boolean;

export interface DiscoveryOptions {
  cwd?: string;
  /** The excludes that apply under a given path (its `.shipshape.yaml`, `--exclude`). */
  excludeFor?: (given: string) => ExcludeMatcher | undefined;
}

interface Candidate {
  full: string;
  display: string;
  explicit: boolean;
  given: string;
  hint: NameHint;
  /** Listed by its folder as a regular file, not a link: readBounded need not stat it again. */
  listedRegular?: boolean;
  /** The names in a walked Dockerfile's folder, so absent `.dockerignore`s are not looked for. */
  siblings?: ReadonlySet<string>;
}

/** What the parsers accept (MAX_DOCKERFILE_BYTES, MAX_YAML_BYTES); nothing larger is read. */
const READ_CAP: Record<'dockerfile' | 'other', number> = { dockerfile: 1024 * 1024, other: 4 * 1024 * 1024 };
/** A long walk yields now and then, so Ctrl-C is handled while it runs. */
const YIELD_EVERY = 256;

export async function discoverFiles(paths: readonly string[], cwdOrOptions: string | DiscoveryOptions = {}): Promise<Discovery> {
  const options = typeof cwdOrOptions === 'string' ? { cwd: cwdOrOptions } : cwdOrOptions;
  const cwd = options.cwd ?? process.cwd();
  const discovery: Discovery = { sources: [], notices: [], notes: [], skipped: [], missing: [] };
  const candidates: Candidate[] = [];
  for (const given of paths) {
    const full = path.resolve(cwd, given);
    let stats: Stats;
    try {
      stats = statSync(full); // follows a symlink given explicitly: the user named it
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') discovery.missing.push(given);
      else discovery.notices.push(unreadable(displayPath(full, cwd), given, reasonOf(error, full)));
      continue;
    }
    if (stats.isDirectory()) {
      const walker = new Walker(cwd, given, full, options.excludeFor?.(given), candidates, discovery);
      await walker.walk(full, safeRealpath(full));
    } else if (stats.isFile()) {
      candidates.push({ full, display: displayPath(full, cwd), explicit: true, given, hint: nameHint(full) });
    } else {
      discovery.notes.push(`skipped ${given}: ${describeFileType(stats)}, not a file shipshape reads`);
    }
  }
  // The YAML parser loads only when there is YAML or JSON to look at.
  const recognizer = candidates.some((c) => c.hint === 'yaml' || c.hint === 'json' || c.hint === 'compose' || c.hint === 'ci')
    ? await import('./recognizeYaml.js')
    : undefined;
  const seen = new Set<string>();
  const templates: Candidate[] = [];
  for (const [index, candidate] of candidates.entries()) {
    if (index % YIELD_EVERY === YIELD_EVERY - 1) await letEventLoopTurn();
    if (seen.has(candidate.full)) continue;
    seen.add(candidate.full);
    const outcome = readCandidate(candidate, recognizer, discovery);
    if (outcome === 'template') templates.push(candidate);
    else if (outcome === 'skipped' && candidate.explicit) discovery.skipped.push(candidate.given);
  }
  discovery.notices.push(...templateNotices(templates));
  return discovery;
}

type Outcome = 'source' | 'template' | 'skipped' | 'reported';

function readCandidate(candidate: Candidate, recognizer: typeof import('./recognizeYaml.js') | undefined, discovery: Discovery): Outcome {
  const { hint, display, given } = candidate;
  if (hint === undefined) return 'skipped';
  const cap = hint === 'dockerfile' ? READ_CAP.dockerfile : READ_CAP.other;
  const read = readBounded(candidate.full, cap, { listedRegular: candidate.listedRegular === true });
  switch (read.kind) {
    case 'unreadable':
      discovery.notices.push(unreadable(display, given, read.reason));
      return 'reported';
    case 'not-regular':
      discovery.notes.push(`skipped ${display}: ${read.what}, not a regular file (never opened)`);
      return 'reported';
    case 'too-large': {
      const ours = hint === 'dockerfile' || hint === 'compose' || hint === 'ci' || hint === 'daemon'
        || ((hint === 'yaml' || hint === 'json') && recognizer?.mentionsKubernetesKeys(read.head, hint === 'json'));
      if (!ours) return 'skipped';
      discovery.notices.push({
        file: display, given, rule: 'input/too-large', severity: 'error',
        message: `the file is ${formatBytes(read.bytes)}, more than the ${formatBytes(cap)} shipshape reads; it was not checked`,
      });
      return 'reported';
    }
    case 'text':
      break;
  }
  const text = read.text;
  if (hint === 'dockerfile' || hint === 'daemon') {
    const source: LintSource = { file: display, kind: hint, text, given };
    if (hint === 'dockerfile') {
      const ignore = dockerignoreFor(candidate.full, candidate.siblings);
      if (ignore !== undefined) source.dockerignore = ignore;
    }
    discovery.sources.push(source);
    return 'source';
  }
  if (!recognizer) return 'skipped';
  const recognized = recognizer.recognizeYaml(text, display, hint);
  return addRecognized(recognized, { file: display, text, given }, discovery);
}

/** Adds a recognised YAML source; used for files and for stdin alike. */
export function addRecognized(recognized: YamlRecognition, base: { file: string; text: string; given: string }, discovery: Discovery): Outcome {
  if (recognized.kind === 'template') return 'template';
  if (recognized.kind === 'unknown') return 'skipped';
  if ('fatal' in recognized) discovery.sources.push({ ...base, kind: recognized.kind, fatal: recognized.fatal });
  else discovery.sources.push({ ...base, kind: recognized.kind, yaml: recognized.yaml });
  return 'source';
}

/**
 * One note per chart rather than one per template: a chart's `templates/` folder yields one
 * info finding (on its first template) that says how to lint what the chart renders.
 */
function templateNotices(templates: readonly Candidate[]): InputNotice[] {
  const byChart = new Map<string, Candidate[]>();
  for (const template of templates) {
    const match = /^(.*?)(?:^|\/)templates\//.exec(template.display);
    const chart = match ? match[1] || '.' : template.display;
    byChart.set(chart, [...(byChart.get(chart) ?? []), template]);
  }
  return [...byChart.entries()].map(([chart, members]) => {
    const first = members[0] as Candidate;
    const others = members.length - 1;
    const render = chart === first.display ? 'render it' : `render the chart (\`helm template ${chart} | shipshape lint --stdin-filename ${chart === '.' ? 'chart' : path.posix.basename(chart)}.yaml -\`)`;
    return {
      file: first.display, given: first.given, rule: 'input/template' as const, severity: 'info' as const,
      message: `a Go/Helm template${others > 0 ? ` (and ${others} more in ${chart}/templates)` : ''}: ${render} and lint the output`,
    };
  });
}

export function templateNotice(file: string, given: string): InputNotice {
  return { file, given, rule: 'input/template', severity: 'info', message: 'a Go/Helm template: render it and lint the output' };
}

class Walker {
  private readonly visited = new Set<string>();
  private readonly rootReal: string;
  private entries = 0;

  constructor(
    private readonly cwd: string,
    private readonly given: string,
    root: string,
    private readonly exclude: ExcludeMatcher | undefined,
    private readonly into: Candidate[],
    private readonly discovery: Discovery,
  ) {
    this.rootReal = safeRealpath(root) ?? root;
  }

  /**
   * Walks `dir`, whose real path is `real` (undefined when it cannot be resolved). A folder
   * reached without a link has its parent's real path plus its name; only links are resolved
   * (one realpath per link, not per folder), and that is where a loop can come from.
   */
  async walk(dir: string, real: string | undefined, shownAs = displayPath(dir, this.cwd)): Promise<void> {
    if (real === undefined) return;
    // Entries are shown relative to the current folder; the folder itself shows as its full path.
    const prefix = path.resolve(dir) === path.resolve(this.cwd) ? '' : `${shownAs}/`;
    if (this.visited.has(real)) {
      this.discovery.notes.push(`skipped ${shownAs}: a symlink loop (already linted as ${displayPath(real, this.cwd)})`);
      return;
    }
    this.visited.add(real);
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      this.discovery.notices.push(unreadable(`${shownAs}/`, this.given, `the folder could not be listed (${reasonOf(error, dir)}); nothing in it was checked`));
      return;
    }
    let siblings: Set<string> | undefined;
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (++this.entries % YIELD_EVERY === 0) await letEventLoopTurn();
      const full = path.join(dir, entry.name);
      let isDirectory = entry.isDirectory();
      const isLink = entry.isSymbolicLink();
      if (isLink) {
        const target = safeStat(full);
        if (!target) {
          // A dangling link or a loop: nothing to read, but a name lint would check is worth a word.
          if (nameHint(prefix + entry.name) !== undefined) this.discovery.notes.push(`skipped ${displayPath(full, this.cwd)}: a symlink that leads nowhere (its target is missing, or it loops)`);
          continue;
        }
        isDirectory = target.isDirectory();
        if (isDirectory && !this.insideTree(full)) {
          this.discovery.notes.push(`skipped ${displayPath(full, this.cwd)}: a symlink to a folder outside ${this.given}`);
          continue;
        }
      }
      if (isDirectory) {
        if (SKIPPED_DIRECTORIES.has(entry.name) || this.exclude?.(full, true)) continue;
        await this.walk(full, isLink ? safeRealpath(full) : path.join(real, entry.name), prefix + entry.name);
        continue;
      }
      // The folder's shown path and the name: path.relative for each of a repository's files cost more.
      const display = prefix + entry.name;
      const hint = nameHint(display);
      if (hint === undefined || this.exclude?.(full, false)) continue;
      // A link to a file elsewhere (`Dockerfile -> /proc/self/environ`, `-> ~/.ssh/id_rsa`) is not
      // the repository's: read, its first line would reach the findings, and a CI's annotations.
      if (isLink && !this.insideTree(full)) {
        this.discovery.notes.push(`skipped ${displayPath(full, this.cwd)}: a symlink to a file outside ${this.given}`);
        continue;
      }
      // FIFOs, sockets and devices carrying a linted name reach readBounded, which never opens them.
      const candidate: Candidate = { full, display, explicit: false, given: this.given, hint, listedRegular: !isLink && entry.isFile() };
      if (hint === 'dockerfile') candidate.siblings = siblings ??= new Set(entries.map((sibling) => sibling.name));
      this.into.push(candidate);
    }
  }

  private insideTree(full: string): boolean {
    const real = safeRealpath(full);
    if (real === undefined) return false;
    const relative = path.relative(this.rootReal, real);
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  }
}

function dockerignoreFor(dockerfile: string, siblings: ReadonlySet<string> | undefined): string | undefined {
  // BuildKit prefers `<Dockerfile>.dockerignore` beside the Dockerfile to the context's `.dockerignore`.
  for (const candidate of [`${dockerfile}.dockerignore`, path.join(path.dirname(dockerfile), '.dockerignore')]) {
    if (siblings && !siblings.has(path.basename(candidate))) continue;
    const read = readBounded(candidate, READ_CAP.dockerfile);
    if (read.kind === 'text') return read.text;
  }
  return undefined;
}

function unreadable(file: string, given: string, reason: string): InputNotice {
  const message = reason.startsWith('the folder') ? reason : `the file could not be read (${reason}); it was not checked`;
  return { file, given, rule: 'input/unreadable', severity: 'warning', message };
}

function safeRealpath(file: string): string | undefined {
  try {
    return realpathSync.native(file);
  } catch {
    return undefined;
  }
}

function safeStat(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}


export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(bytes % 1024 ** 2 === 0 ? 0 : 1)} MiB`;
  return `${Math.ceil(bytes / 1024)} KiB`;
}

export function displayPath(full: string, cwd: string): string {
  const relative = path.relative(cwd, full);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  return (inside ? relative : full).split(path.sep).join('/');
}
