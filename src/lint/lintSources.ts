/**
 * Lints discovered sources as one run: every file is parsed once, then the run-level context
 * (runContext.ts) is built from all of them, then each file's rules run with it, so a
 * NetworkPolicy in one file covers the Deployment of another. Only the parsers and rules of the
 * kinds present are loaded; everything after discovery is pure.
 */
import { asInputError, lintModel, parseErrorFinding, sortFindings, type LintResult, type SeverityOverride } from '../rules/lintCore.js';
import { loadKind, type KindSupport } from '../rules/kinds.js';
import { buildRunContext, type RunModel } from '../rules/runContext.js';
import type { Finding, Rule, RuleTarget } from '../rules/types.js';
import { EventLoopTurns } from '../shared/eventLoopTurns.js';
import type { InputNotice, LintSource } from './discoverFiles.js';
import { noticeToFinding } from './inputFindings.js';

/** What a `.shipshape.yaml` (or the command line) sets for the files under one path. */
export interface LintSettings {
  /** Restrict to these rules (a profile); default: the full rule set of each kind. */
  rules?: readonly Rule[] | undefined;
  severities?: Readonly<Record<string, SeverityOverride>> | undefined;
  trustedRegistries?: readonly string[] | undefined;
}

export interface LintRunOptions extends LintSettings {
  /** Settings for the files found under a given path; overrides the options' own. */
  settingsFor?: (given: string) => LintSettings;
  /** Input notices from discovery, reported as findings of their files. */
  notices?: readonly InputNotice[];
}

export interface LintRun {
  results: LintResult[];
  /** Every rule that could have fired, for SARIF's rule descriptors. */
  rules: Rule[];
}

interface Parsed {
  source: LintSource;
  settings: LintSettings;
  model?: unknown;
  earlier: Finding[];
  parseError?: LintResult['parseError'];
}

export async function lintSources(sources: readonly LintSource[], options: LintRunOptions = {}): Promise<LintRun> {
  const kinds = [...new Set(sources.map((source) => source.kind))];
  const support = new Map<RuleTarget, KindSupport>(await Promise.all(kinds.map(async (kind) => [kind, await loadKind(kind)] as const)));
  // One settings object per path given (every file under it shares it), not one per file.
  const settingsByGiven = new Map<string, LintSettings>();
  const settingsOf = (given: string): LintSettings => {
    let settings = settingsByGiven.get(given);
    if (settings === undefined) {
      settings = { ...options, ...options.settingsFor?.(given) };
      settingsByGiven.set(given, settings);
    }
    return settings;
  };
  // Parsing and rules are synchronous: over a big repository they ran for seconds, and a Ctrl-C
  // that arrived meanwhile was never seen (the run printed everything and exited 1).
  const turns = new EventLoopTurns();
  const parsed: Parsed[] = [];
  for (const source of sources) {
    parsed.push(parseOnce(source, support.get(source.kind) as KindSupport, settingsOf(source.given)));
    await turns.nowAndThen();
  }
  const run = buildRunContext(parsed.filter((entry) => entry.model !== undefined).map((entry) => ({ kind: entry.source.kind, model: entry.model }) as RunModel));
  const usedRules = new Set<Rule>();
  // Which rules could fire is the same for every file of one kind under one rule list.
  const counted = new Map<readonly Rule[], Set<RuleTarget>>();
  const results: LintResult[] = [];
  for (const entry of parsed) {
    results.push(lintEntry(entry));
    await turns.nowAndThen();
  }
  function lintEntry(entry: Parsed): LintResult {
    const { source, settings } = entry;
    if (entry.model === undefined) return { file: source.file, kind: source.kind, findings: sortFindings(entry.earlier), ...(entry.parseError ? { parseError: entry.parseError } : {}) };
    const rules = settings.rules ?? (support.get(source.kind) as KindSupport).rules;
    const kinds = counted.get(rules) ?? counted.set(rules, new Set()).get(rules) as Set<RuleTarget>;
    if (!kinds.has(source.kind)) {
      kinds.add(source.kind);
      for (const rule of rules) if (rule.target === source.kind) usedRules.add(rule);
    }
    const result = lintModel(entry.model, source.text, source.file, source.kind, rules, {
      severities: settings.severities,
      context: { dockerignore: source.dockerignore, run, trustedRegistries: settings.trustedRegistries },
    }, entry.earlier);
    return entry.parseError ? { ...result, parseError: entry.parseError } : result;
  }
  for (const notice of options.notices ?? []) {
    const finding = noticeToFinding(notice, settingsOf(notice.given).severities);
    const existing = results.find((result) => result.file === notice.file);
    if (!finding) continue;
    if (existing) existing.findings.unshift(finding);
    else results.push({ file: notice.file, kind: 'other', findings: [finding] });
  }
  const rules = options.rules && !options.settingsFor ? [...options.rules] : [...new Set([...usedRules, ...[...support.values()].flatMap((s) => s.rules)])];
  return { results, rules };
}

/** Parses a source once: from the YAML read during recognition, or from its text. */
function parseOnce(source: LintSource, support: KindSupport, settings: LintSettings): Parsed {
  const severities = settings.severities;
  if (source.fatal) return { source, settings, earlier: [parseErrorFinding(source.fatal, severities)], parseError: source.fatal };
  const earlier = (source.yaml?.errors ?? []).map((error) => parseErrorFinding(error, severities));
  const parseError = source.yaml?.errors[0];
  const withError = parseError ? { parseError } : {};
  // A YAML file whose every document is broken has nothing left to lint.
  if (source.yaml && source.yaml.documents.length === 0 && earlier.length > 0) return { source, settings, earlier, ...withError };
  try {
    const model = source.yaml && support.fromDocuments ? support.fromDocuments(source.file, source.yaml.documents) : support.parse(source.text, source.file);
    return { source, settings, model, earlier, ...withError };
  } catch (error) {
    const inputError = asInputError(error, source.file);
    return { source, settings, earlier: [...earlier, parseErrorFinding(inputError, severities)], parseError: parseError ?? inputError };
  }
}

export interface LintSummary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarize(results: readonly LintResult[]): LintSummary {
  const all = results.flatMap((result) => result.findings);
  return {
    files: results.length,
    errors: all.filter((f) => f.severity === 'error').length,
    warnings: all.filter((f) => f.severity === 'warning').length,
    infos: all.filter((f) => f.severity === 'info').length,
  };
}
