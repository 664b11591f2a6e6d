/**
 * The static half of checking a challenge: run each named rule over the learner's files. Pure:
 * file contents in, results out. Suppression comments are ignored here on purpose.
 */
import path from 'node:path';
import type { Challenge } from '../content/schema.js';
import { lintText } from '../rules/engine.js';
import { findRule } from '../rules/registry.js';
import type { Finding } from '../rules/types.js';
import { fileKindByName } from './fileKinds.js';
import type { CheckResult } from './types.js';

/** Contents of the learner's files by challenge-relative path; undefined when a file is missing. */
export type LearnerFiles = ReadonlyMap<string, string | undefined>;

export function runStaticChecks(challenge: Pick<Challenge, 'files' | 'checks'>, files: LearnerFiles): CheckResult[] {
  return challenge.checks.static.map((spec) => {
    const rule = findRule(spec.rule);
    if (!rule) throw new Error(`unknown rule ${spec.rule}; the course validator should have caught this`);
    const targets = spec.file ? [spec.file] : challenge.files.filter((file) => fileKindByName(file) === rule.target);
    const findings: Finding[] = [];
    for (const file of targets) {
      const text = files.get(file);
      if (text === undefined) {
        findings.push({ ...missingFileFinding(file), rule: rule.meta.id });
        continue;
      }
      const result = lintText(text, file, rule.target, { rules: [rule], honourSuppressions: false, context: { dockerignore: files.get(siblingDockerignore(file)) } });
      // A file that does not parse fails every check on it, with the parse error as evidence.
      findings.push(...result.findings);
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
