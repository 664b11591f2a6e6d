/**
 * Lints discovered sources: each file with the rules of its kind (or of a profile). Only the
 * parsers and rules of the kinds present are loaded; the linting itself is pure.
 */
import { lintWithParser, type LintResult } from '../rules/lintCore.js';
import { loadKind, type KindSupport } from '../rules/kinds.js';
import type { Rule, RuleTarget } from '../rules/types.js';
import type { LintSource } from './discoverFiles.js';

export interface LintRunOptions {
  /** Restrict to these rules (a profile); default: the full rule set. */
  rules?: readonly Rule[];
}

export interface LintRun {
  results: LintResult[];
  /** Every rule that could have fired, for SARIF's rule descriptors. */
  rules: Rule[];
}

export async function lintSources(sources: readonly LintSource[], options: LintRunOptions = {}): Promise<LintRun> {
  const kinds = [...new Set(sources.map((source) => source.kind))];
  const support = new Map<RuleTarget, KindSupport>(await Promise.all(kinds.map(async (kind) => [kind, await loadKind(kind)] as const)));
  const results = sources.map((source) => {
    const { parse, rules } = support.get(source.kind) as KindSupport;
    return lintWithParser(source.text, source.file, source.kind, parse, options.rules ?? rules, { context: { dockerignore: source.dockerignore } });
  });
  return { results, rules: options.rules ? [...options.rules] : [...support.values()].flatMap((s) => s.rules) };
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
