/**
 * Lints discovered sources: each file with the rules of its kind (or of a profile). Pure.
 */
import { lintText, type LintResult } from '../rules/engine.js';
import type { Rule } from '../rules/types.js';
import type { LintSource } from './discoverFiles.js';

export interface LintRunOptions {
  /** Restrict to these rules (a profile); default: the full rule set. */
  rules?: readonly Rule[];
}

export function lintSources(sources: readonly LintSource[], options: LintRunOptions = {}): LintResult[] {
  return sources.map((source) =>
    lintText(source.text, source.file, source.kind, { rules: options.rules, context: { dockerignore: source.dockerignore } }),
  );
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
