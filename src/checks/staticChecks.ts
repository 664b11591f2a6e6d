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

export function runStaticChecks(challenge: Pick<Challenge, 'files' | 'checks'> & Partial<Pick<Challenge, 'id' | 'folder'>>, files: LearnerFiles): CheckResult[] {
  return challenge.checks.static.map((spec) => {
    const rule = findRule(spec.rule);
    if (!rule) throw new Error(`unknown rule ${spec.rule}; the course validator should have caught this`);
    const targets = spec.file ? [spec.file] : challenge.files.filter((file) => fileKindByName(file) === rule.target);
    const findings: Finding[] = [];
    for (const file of targets) {
      const text = files.get(file);
      if (text === undefined) {
        findings.push({ ...missingFileFinding(file, challenge), rule: rule.meta.id });
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
      // The title says what was found: the problem when it fails, the property when it passes.
      title: unique.length === 0 ? rule.meta.passTitle : rule.meta.title,
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

function missingFileFinding(file: string, challenge: Partial<Pick<Challenge, 'id' | 'folder'>>): Finding {
  return {
    rule: 'missing-file', severity: 'error', file, line: 1, column: 1,
    message: `${file} is missing`, title: 'A challenge file is missing', why: 'The check needs this file.',
    fix: missingFileFix(file, challenge), item: undefined, references: [],
  };
}

/** How to get a deleted file back: copy the broken version from the course, or let `shipshape reset` do it. */
export function missingFileFix(file: string, challenge: Partial<Pick<Challenge, 'id' | 'folder'>>): string {
  const original = challenge.folder ? path.posix.join(challenge.folder, 'broken', file) : `broken/${file} in the challenge's folder`;
  const reset = challenge.id ? `shipshape reset ${challenge.id}` : 'shipshape reset <challenge id>';
  return `Create ${file} again: write it yourself, or copy the broken version from the course (${original}) and fix it. Where your shipshape has it, \`${reset}\` restores it and keeps your other files as .bak.`;
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
