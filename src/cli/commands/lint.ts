/**
 * `shipshape lint <paths...>`: the static rules over a learner's own real files, or over what a
 * tool renders (`helm template . | shipshape lint --stdin-filename chart.yaml -`). Settings come
 * from the nearest `.shipshape.yaml` of each path (or `--config`), then the command line.
 */
import path from 'node:path';
import { findConfigFile, findRepositoryRoot } from '../../config/findConfig.js';
import { MAX_EXCLUDE_PATTERN_LENGTH } from '../../config/excludeLimits.js';
import { visibleControls } from '../../shared/visibleControls.js';
import type { ShipshapeConfig } from '../../config/shipshapeConfig.js';
import { addRecognized, discoverFiles, templateNotice, type Discovery } from '../../lint/discoverFiles.js';
import { nameHint } from '../../lint/fileNames.js';
import { lintSources, summarize, type LintSettings } from '../../lint/lintSources.js';
import { readBounded } from '../../lint/readBounded.js';
import { looksLikeDockerfile, readStdinBounded } from '../../lint/readStdin.js';
import { InputError } from '../../parse/position.js';
import { loadKind } from '../../rules/kinds.js';
import { lintToGithub, lintToGitlab, lintToJson, lintToSarif, lintToText, type ReportPaths } from '../../report/lintReports.js';
import type { LintResult } from '../../rules/lintCore.js';
import type { Rule, Severity } from '../../rules/types.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';
import { packageVersion } from '../version.js';

export interface LintCommandOptions {
  paths: string[];
  format: string;
  profile: string | undefined;
  config?: string | undefined;
  exclude?: readonly string[] | undefined;
  failOn?: string | undefined;
  printConfig?: boolean | undefined;
  stdinFilename?: string | undefined;
}

/** Every output `--format` lint knows (the build's cache training runs each one). */
export const LINT_FORMATS: readonly string[] = ['text', 'json', 'sarif', 'github', 'gitlab'];
const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** The most shipshape reads from standard input, as from a YAML file. */
const STDIN_CAP = 4 * 1024 * 1024;

interface LoadedConfig {
  file: string | undefined;
  config: ShipshapeConfig;
}

export async function lintCommand(options: LintCommandOptions, io: Io): Promise<number> {
  if (!LINT_FORMATS.includes(options.format)) throw new UsageError(`--format must be ${LINT_FORMATS.slice(0, -1).join(', ')} or ${LINT_FORMATS.at(-1)}, not "${options.format}"`, 'lint');
  const longExclude = options.exclude?.find((pattern) => pattern.length > MAX_EXCLUDE_PATTERN_LENGTH);
  if (longExclude !== undefined) throw new UsageError(`--exclude patterns are at most ${MAX_EXCLUDE_PATTERN_LENGTH} characters; one has ${longExclude.length}`, 'lint');
  if (options.failOn !== undefined && !(options.failOn in SEVERITY_RANK)) throw new UsageError(`--fail-on must be error, warning or info, not "${options.failOn}"`, 'lint');
  if (options.stdinFilename !== undefined && !options.paths.includes('-')) throw new UsageError('--stdin-filename names what arrives on standard input: add `-` to the paths', 'lint');
  const cwd = process.cwd();
  // Start compiling the Dockerfile parser and rules while configuration and files are found.
  const named = [...options.paths, options.stdinFilename ?? ''].some((given) => nameHint(given) === 'dockerfile');
  const early = named ? loadKind('dockerfile') : undefined;
  const configs = await loadConfigs(options, cwd);
  if (options.printConfig) {
    io.out(JSON.stringify(options.paths.map((given) => ({ path: given, ...describeConfig(configs.get(given) as LoadedConfig, options) })), null, 2));
    return 0;
  }
  const profiles = new Map<string, readonly Rule[] | undefined>();
  for (const { config } of configs.values()) {
    const profile = options.profile ?? config.profile;
    if (profile !== undefined && !profiles.has(profile)) profiles.set(profile, await profileRules(profile));
  }
  const settingsFor = (given: string): LintSettings => {
    const { config } = configs.get(given) ?? { config: undefined };
    const profile = options.profile ?? config?.profile;
    return {
      rules: profile === undefined ? undefined : profiles.get(profile),
      severities: config?.rules,
      trustedRegistries: config?.trustedRegistries,
    };
  };
  // The gitignore matcher loads only when some path has excludes.
  const excludeSets = new Map(options.paths.map((given) => {
    const loaded = configs.get(given);
    return [given, [
      ...(loaded?.file ? [{ base: path.dirname(loaded.file), patterns: loaded.config.exclude }] : []),
      { base: cwd, patterns: options.exclude ?? [] },
    ]] as const;
  }));
  const { excludeMatcher } = [...excludeSets.values()].some((sets) => sets.some((set) => set.patterns.length > 0))
    ? await import('../../lint/excludes.js')
    : { excludeMatcher: () => undefined };
  const excludeFor = (given: string) => excludeMatcher(excludeSets.get(given) ?? []);
  const discovery = await discoverFiles(options.paths.filter((given) => given !== '-'), { cwd, excludeFor });
  if (discovery.missing.length > 0) throw new UsageError(`no such file or folder: ${discovery.missing.join(', ')}`, 'lint');
  if (options.paths.includes('-')) await addStdin(discovery, options.stdinFilename, io);
  for (const note of discovery.notes) io.err(style.dim(`shipshape: ${visibleControls(note)}`, process.stderr));
  for (const skipped of discovery.skipped) io.err(style.dim(`shipshape: skipped ${skipped}: not a Dockerfile, compose file, Kubernetes manifest, CI workflow or daemon.json`, process.stderr));
  await early;
  const { results, rules: candidates } = await lintSources(discovery.sources, { settingsFor, notices: discovery.notices });
  const summary = summarize(results);
  const paths: ReportPaths = { cwd, srcRoot: findRepositoryRoot(cwd) };
  switch (options.format) {
    case 'json':
      io.out(JSON.stringify(lintToJson(results), null, 2));
      break;
    case 'sarif':
      io.out(JSON.stringify(lintToSarif(results, candidates, packageVersion(), paths), null, 2));
      break;
    case 'github':
      io.out(lintToGithub(results, summary, paths));
      break;
    case 'gitlab': {
      const { createHash } = await import('node:crypto');
      io.out(JSON.stringify(lintToGitlab(results, paths, (text) => createHash('sha256').update(text).digest('hex')), null, 2));
      break;
    }
    default:
      io.out(lintToText(results, summary, style));
  }
  const failOn = (options.failOn ?? configs.get(options.paths[0] ?? '')?.config.failOn ?? 'error') as Severity;
  return failsAt(results, failOn) ? 1 : 0;
}

function failsAt(results: readonly LintResult[], threshold: Severity): boolean {
  return results.some((result) => result.findings.some((finding) => SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[threshold]));
}

/** The `.shipshape.yaml` of each given path, each file read and validated once. */
async function loadConfigs(options: LintCommandOptions, cwd: string): Promise<Map<string, LoadedConfig>> {
  const cache = new Map<string, string | null>();
  const fileOf = new Map<string, string | undefined>();
  for (const given of options.paths) {
    fileOf.set(given, options.config !== undefined ? path.resolve(cwd, options.config) : findConfigFile(given === '-' ? cwd : path.resolve(cwd, given), cache));
  }
  const files = [...new Set([...fileOf.values()].filter((file): file is string => file !== undefined))];
  const parsed = new Map<string, ShipshapeConfig>();
  if (files.length > 0) {
    // zod and the schema load only when there is a configuration to validate.
    const { parseConfig } = await import('../../config/shipshapeConfig.js');
    for (const file of files) {
      const display = path.relative(cwd, file) || file;
      const read = readBounded(file, 1024 * 1024);
      if (read.kind !== 'text') {
        const why = read.kind === 'unreadable' ? read.reason : read.kind === 'too-large' ? 'it is larger than 1 MiB' : `it is ${read.what}`;
        if (options.config !== undefined && read.kind === 'unreadable') throw new UsageError(`--config ${options.config}: ${why}`, 'lint');
        throw new InputError(display, { line: 1, column: 1 }, `the configuration could not be read: ${why}`);
      }
      let config = parseConfig(read.text, display);
      if (Object.keys(config.rules).length > 0) config = parseConfig(read.text, display, await knownRuleIds());
      parsed.set(file, config);
    }
  }
  const { emptyConfig } = files.length > 0 ? await import('../../config/shipshapeConfig.js') : { emptyConfig: { exclude: [], rules: {}, trustedRegistries: [] } as ShipshapeConfig };
  return new Map(options.paths.map((given) => {
    const file = fileOf.get(given);
    return [given, { file, config: (file && parsed.get(file)) || emptyConfig }];
  }));
}

async function knownRuleIds(): Promise<Set<string>> {
  const [{ allRules, profileRules: pss }, { inputRuleIds }] = await Promise.all([import('../../rules/registry.js'), import('../../lint/inputFindings.js')]);
  return new Set(['parse-error', ...inputRuleIds, ...[...allRules, ...pss].map((rule) => rule.meta.id)]);
}

function describeConfig(loaded: LoadedConfig, options: LintCommandOptions): object {
  const { config } = loaded;
  return {
    configFile: loaded.file ?? null,
    exclude: [...config.exclude, ...(options.exclude ?? [])],
    rules: config.rules,
    trustedRegistries: config.trustedRegistries,
    profile: options.profile ?? config.profile ?? null,
    failOn: options.failOn ?? config.failOn ?? 'error',
  };
}

async function profileRules(name: string): Promise<readonly Rule[]> {
  const { findProfileRules, profileNames } = await import('../../rules/profiles.js');
  const rules = findProfileRules(name);
  if (!rules) throw new UsageError(`unknown profile "${name}"; profiles: ${profileNames.join(', ')}`, 'lint');
  return rules;
}

/** Standard input as one more source: its kind from `--stdin-filename` and from its content. */
async function addStdin(discovery: Discovery, stdinFilename: string | undefined, io: Io): Promise<void> {
  const file = stdinFilename ?? '<stdin>';
  const read = await readStdinBounded(STDIN_CAP);
  if (read.kind === 'too-large') {
    discovery.notices.push({ file, given: '-', rule: 'input/too-large', severity: 'error', message: `standard input holds more than the ${STDIN_CAP / 1024 / 1024} MiB shipshape reads; it was not checked` });
    return;
  }
  const named = stdinFilename === undefined ? undefined : nameHint(stdinFilename);
  const hint = named ?? (looksLikeDockerfile(read.text) ? 'dockerfile' : 'yaml');
  if (hint === 'dockerfile' || hint === 'daemon') {
    discovery.sources.push({ file, kind: hint, text: read.text, given: '-' });
    return;
  }
  const { recognizeYaml } = await import('../../lint/recognizeYaml.js');
  const outcome = addRecognized(recognizeYaml(read.text, file, hint), { file, text: read.text, given: '-' }, discovery);
  if (outcome === 'template') discovery.notices.push(templateNotice(file, '-'));
  if (outcome === 'skipped') io.err(style.dim(`shipshape: standard input is not a Dockerfile, compose file, Kubernetes manifest or CI workflow; name it with --stdin-filename`, process.stderr));
}
