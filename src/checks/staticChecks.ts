/**
 * The static half of checking a challenge: run each named rule over the learner's parsed files.
 * Pure: the learner model in, results out. Each file is parsed once (LearnerModel) however many
 * rules look at it, and the runtime half reuses the same parse. Suppression comments are
 * ignored here on purpose: a learner may not silence the check they are asked to satisfy.
 */
import path from 'node:path';
import type { Challenge } from '../content/schema.js';
import { parseErrorFinding, toFinding } from '../rules/lintCore.js';
import { findRule } from '../rules/registry.js';
import type { Finding, Rule, RuleContext, RuleHit } from '../rules/types.js';
import { fileKindByName } from './fileKinds.js';
import { LearnerModel, type LearnerFiles } from './learnerModel.js';
import type { CheckResult } from './types.js';

export type { LearnerFiles } from './learnerModel.js';

export function runStaticChecks(challenge: Pick<Challenge, 'files' | 'checks'>, learner: LearnerModel | LearnerFiles): CheckResult[] {
  const model = learner instanceof LearnerModel ? learner : new LearnerModel(learner);
  return challenge.checks.static.map((spec) => {
    const rule = findRule(spec.rule);
    if (!rule) throw new Error(`unknown rule ${spec.rule}; the course validator should have caught this`);
    const targets = spec.file ? [spec.file] : challenge.files.filter((file) => fileKindByName(file) === rule.target);
    const findings: Finding[] = [];
    for (const file of targets) {
      const parsed = model.parse(file, rule.target);
      // A file that does not parse fails every check on it, with the parse error as evidence.
      if (parsed.state === 'error') findings.push(parseErrorFinding(parsed.error));
      else if (parsed.state === 'missing') findings.push({ ...missingFileFinding(file), rule: rule.meta.id });
      else findings.push(...ruleFindings(rule, parsed.model, file, { dockerignore: model.text(siblingDockerignore(file)) }));
    }
    const unique = dedupe(findings);
    return {
      kind: 'static',
      id: rule.meta.id,
      title: rule.meta.title,
      item: rule.meta.item,
      passed: unique.length === 0,
      evidence: unique.length === 0 ? 'no findings' : unique.map((f) => `${f.file}:${f.line}:${f.column} ${f.message}`).join('\n'),
      findings: unique,
    };
  });
}

function ruleFindings(rule: Rule, model: unknown, file: string, context: RuleContext): Finding[] {
  const hits = (rule.check as (model: unknown, context: RuleContext) => RuleHit[])(model, context);
  return hits.map((hit) => toFinding(rule, hit, file)).sort((a, b) => a.line - b.line || a.column - b.column);
}

function siblingDockerignore(file: string): string {
  return path.posix.join(path.posix.dirname(file), '.dockerignore');
}

function missingFileFinding(file: string): Finding {
  return {
    rule: 'missing-file', severity: 'error', file, line: 1, column: 1,
    message: `${file} is missing`, title: 'A challenge file is missing', why: 'The check needs this file.',
    fix: `Create ${file} (shipshape reset restores the broken version).`, item: undefined, references: [],
  };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.rule}|${f.file}|${f.line}|${f.column}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
