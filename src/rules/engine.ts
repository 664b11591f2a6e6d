/**
 * Runs rules over parsed files and turns hits into findings. Pure: text in, findings out.
 */
import { parseDockerfile, type DockerfileModel } from '../parse/dockerfile.js';
import { InputError } from '../parse/position.js';
import { allRules } from './registry.js';
import type { DockerfileRule, Finding, Rule, RuleHit } from './types.js';

export interface LintOptions {
  /** Only these rules (default: all rules for the file's kind). */
  rules?: readonly Rule[];
  /**
   * Honour `# shipshape-ignore <rule> -- <reason>` comments. Off when grading a challenge:
   * a learner may not silence the check they are asked to satisfy.
   */
  honourSuppressions?: boolean;
}

export interface LintResult {
  file: string;
  findings: Finding[];
  /** Set when the file could not be parsed; the findings then hold one `parse-error`. */
  parseError?: InputError;
}

/**
 * Lints one Dockerfile's text.
 *
 * @example lintDockerfile('FROM busybox\n', 'Dockerfile').findings[0]?.rule // 'dockerfile/no-root-user'
 */
export function lintDockerfile(text: string, file: string, options: LintOptions = {}): LintResult {
  let model: DockerfileModel;
  try {
    model = parseDockerfile(text, file);
  } catch (error) {
    if (error instanceof InputError) return { file, findings: [parseErrorFinding(error)], parseError: error };
    throw error;
  }
  const rules = (options.rules ?? allRules).filter((rule): rule is DockerfileRule => rule.target === 'dockerfile');
  const suppressed = options.honourSuppressions === false ? new Map<number, Set<string>>() : suppressionsByLine(model);
  const findings = rules.flatMap((rule) =>
    rule.check(model)
      .filter((hit) => !suppressed.get(hit.line)?.has(rule.meta.id))
      .map((hit) => toFinding(rule, hit, file)),
  );
  return { file, findings: sortFindings(findings) };
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
    why: 'A file that cannot be parsed cannot be checked; the build would most likely reject it too.',
    fix: 'Correct the syntax at the position shown.',
    item: undefined,
    references: [],
  };
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}

const SUPPRESSION = /^shipshape-ignore\s+([\w/-]+(?:\s*,\s*[\w/-]+)*)\s+--\s+\S/;

/**
 * A comment `# shipshape-ignore rule-a, rule-b -- why this is fine` silences those rules on the
 * next instruction line. A reason is required, so every suppression says why it exists.
 */
function suppressionsByLine(model: DockerfileModel): Map<number, Set<string>> {
  const instructionLines = [...model.globalArgs, ...model.stages.flatMap((stage) => [stage.from, ...stage.instructions])]
    .map((instruction) => instruction.line)
    .sort((a, b) => a - b);
  const byLine = new Map<number, Set<string>>();
  for (const comment of model.comments) {
    const match = SUPPRESSION.exec(comment.text.trim());
    const target = instructionLines.find((line) => line > comment.line);
    if (!match?.[1] || target === undefined) continue;
    const ids = byLine.get(target) ?? new Set<string>();
    for (const id of match[1].split(',')) ids.add(id.trim());
    byLine.set(target, ids);
  }
  return byLine;
}
