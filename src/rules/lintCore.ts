/**
 * The engine's core: run a parser and rules over one file's text and turn hits into findings.
 * It imports no parser and no rule, so a caller that loads only one kind's parser and rules
 * (the lint command, through kinds.ts) pays for nothing else. Pure.
 */
import { InputError } from '../parse/position.js';
import { suppressedRulesByLine } from './suppressions.js';
import type { Finding, Rule, RuleContext, RuleHit, RuleTarget } from './types.js';

export type Parser = (text: string, file: string) => unknown;

export interface LintOptions {
  /** Only these rules (default: all rules for the file's kind). */
  rules?: readonly Rule[];
  /**
   * Honour `# shipshape-ignore <rule> -- <reason>` comments. Off when grading a challenge:
   * a learner may not silence the check they are asked to satisfy.
   */
  honourSuppressions?: boolean;
  context?: RuleContext;
}

export interface LintResult {
  file: string;
  kind: RuleTarget;
  findings: Finding[];
  /** Set when the file could not be parsed; the findings then hold one `parse-error`. */
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
    if (error instanceof InputError) return { file, kind, findings: [parseErrorFinding(error)], parseError: error };
    // A parser bug must not take the whole lint run down; report it where the file starts.
    const internal = new InputError(file, { line: 1, column: 1 }, `could not be parsed (${(error as Error).message})`);
    return { file, kind, findings: [parseErrorFinding(internal)], parseError: internal };
  }
  const rules = candidates.filter((rule) => rule.target === kind);
  const suppressed = options.honourSuppressions === false ? new Map<number, Set<string>>() : suppressedRulesByLine(text);
  const context = options.context ?? {};
  const findings = rules.flatMap((rule) =>
    (rule.check as (model: unknown, context: RuleContext) => RuleHit[])(model, context)
      .filter((hit) => !suppressed.get(hit.line)?.has(rule.meta.id))
      .map((hit) => toFinding(rule, hit, file)),
  );
  return { file, kind, findings: sortFindings(findings) };
}

export function toFinding(rule: Rule, hit: RuleHit, file: string): Finding {
  const { id, severity, title, why, fix, item, references } = rule.meta;
  return { rule: id, severity, file, title, why, fix, item, references, ...hit };
}

export function parseErrorFinding(error: InputError): Finding {
  return {
    rule: 'parse-error',
    severity: 'error',
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

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
