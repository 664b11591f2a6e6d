/**
 * The engine's core: run a parser and rules over one file's text and turn hits into findings.
 * It imports no parser and no rule, so a caller that loads only one kind's parser and rules
 * (the lint command, through kinds.ts) pays for nothing else. Pure.
 */
import { InputError } from '../parse/position.js';
import { suppressedRulesByLine } from './suppressions.js';
import type { Finding, Rule, RuleContext, RuleHit, RuleTarget, Severity } from './types.js';
import { compareOrdinal } from '../shared/ordinal.js';

export type Parser = (text: string, file: string) => unknown;

/** What a user may set per rule: its severity, or `off`. */
export type SeverityOverride = Severity | 'off';

export interface LintOptions {
  /** Only these rules (default: all rules for the file's kind). */
  rules?: readonly Rule[];
  /**
   * Honour `# shipshape-ignore <rule> -- <reason>` comments. Off when grading a challenge:
   * a learner may not silence the check they are asked to satisfy.
   */
  honourSuppressions?: boolean;
  context?: RuleContext;
  /** Per-rule severities from `.shipshape.yaml` (`off` skips the rule). */
  severities?: Readonly<Record<string, SeverityOverride>>;
}

export interface LintResult {
  file: string;
  /** The file's kind; `other` for a file reported without being linted (a template, an unreadable file). */
  kind: RuleTarget | 'other';
  findings: Finding[];
  /** Set when the file could not be parsed; the findings then hold a `parse-error`. */
  parseError?: InputError;
}

/**
 * The engine itself, given the parser and rules to use: lintText passes all of them; the lint
 * command passes only those of the kinds it met, loaded on demand (see kinds.ts).
 */
export function lintWithParser(text: string, file: string, kind: RuleTarget, parse: Parser, candidates: readonly Rule[], options: LintOptions = {}): LintResult {
  let model: unknown;
  try {
    model = parse(text, file);
  } catch (error) {
    const parseError = asInputError(error, file);
    return { file, kind, findings: [parseErrorFinding(parseError, options.severities)], parseError };
  }
  return lintModel(model, text, file, kind, candidates, options);
}

/** A parser's exception as an InputError; a parser bug must not take the whole lint run down. */
export function asInputError(error: unknown, file: string): InputError {
  if (error instanceof InputError) return error;
  return new InputError(file, { line: 1, column: 1 }, `could not be parsed (${(error as Error).message})`);
}

/**
 * Runs the rules over a model parsed already (`shipshape lint` parses each file once, while
 * recognising it). `earlier` holds findings about the same file found before (a broken document).
 */
export function lintModel(model: unknown, text: string, file: string, kind: RuleTarget, candidates: readonly Rule[], options: LintOptions = {}, earlier: Finding[] = []): LintResult {
  const severities = options.severities ?? {};
  // Most files carry no suppression; a big one (a CRD bundle) is then not split into lines at all.
  const suppressed = options.honourSuppressions === false || !text.includes('shipshape-ignore') ? undefined : suppressedRulesByLine(text);
  const context = options.context ?? {};
  // A loop rather than filter/flatMap/map: this runs for every rule of every file of a lint
  // run, and most rules find nothing, so it should allocate nothing for them.
  const findings = [...earlier];
  for (const rule of candidates) {
    if (rule.target !== kind) continue;
    const override = severities[rule.meta.id];
    if (override === 'off') continue;
    const hits = (rule.check as (model: unknown, context: RuleContext) => RuleHit[])(model, context);
    for (const hit of hits) {
      if (suppressed?.get(hit.line)?.has(rule.meta.id)) continue;
      findings.push(toFinding(rule, hit, file, override));
    }
  }
  return { file, kind, findings: sortFindings(findings) };
}

export function toFinding(rule: Rule, hit: RuleHit, file: string, severity?: SeverityOverride): Finding {
  const { id, title, why, fix, item, references } = rule.meta;
  return { rule: id, severity: severity && severity !== 'off' ? severity : rule.meta.severity, file, title, why, fix, item, references, ...hit };
}

export function parseErrorFinding(error: InputError, severities: Readonly<Record<string, SeverityOverride>> = {}): Finding {
  const override = severities['parse-error'];
  return {
    rule: 'parse-error',
    severity: override && override !== 'off' ? override : 'error',
    file: error.file,
    line: error.position.line,
    column: error.position.column,
    message: error.message,
    title: 'The file could not be parsed',
    why: 'A file that cannot be parsed cannot be checked; the build or the cluster would most likely reject it too.',
    fix: 'Correct the syntax at the position shown.',
    item: undefined,
    references: [],
  };
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || compareOrdinal(a.rule, b.rule));
}
