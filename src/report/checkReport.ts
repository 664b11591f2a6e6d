/**
 * Turns a challenge verdict into what a person reads: each check with its verdict and evidence,
 * the finding's why, the fix and the lesson that explains it. Pure, so it is tested as text.
 */
import type { ChallengeVerdict } from '../checks/types.js';

export interface ReportStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  green: (text: string) => string;
}

const plain: ReportStyle = { bold: (t) => t, dim: (t) => t, red: (t) => t, green: (t) => t };

/** Looks up the lesson id that teaches an item, for "learn why" links. */
export type LessonLookup = (item: string | undefined) => { id: string; title: string } | undefined;

export function formatVerdict(verdict: ChallengeVerdict, lessonFor: LessonLookup, style: ReportStyle = plain): string {
  const lines: string[] = [];
  for (const check of verdict.checks) {
    const mark = check.passed ? style.green('PASS') : style.red('FAIL');
    lines.push(`${mark} ${style.dim(`[${check.kind}]`)} ${check.title} ${style.dim(`(${check.id})`)}`);
    if (check.passed) {
      if (check.kind === 'runtime') lines.push(`     ${check.evidence}`);
      continue;
    }
    if (check.findings.length === 0) lines.push(`     ${check.evidence}`);
    for (const finding of check.findings) {
      lines.push(`     ${style.bold(`${finding.file}:${finding.line}:${finding.column}`)} ${finding.message}`);
      lines.push(`     why: ${finding.why}`);
      lines.push(`     fix: ${finding.fix}`);
    }
    const lesson = lessonFor(check.item);
    if (lesson) lines.push(`     ${style.dim(`lesson: ${lesson.title} -> shipshape lesson ${lesson.id}`)}`);
  }
  const failed = verdict.checks.filter((check) => !check.passed).length;
  lines.push('');
  if (verdict.cancelled) {
    lines.push(style.red(`The check of ${verdict.challenge} was cancelled before it finished.`));
    return lines.join('\n');
  }
  lines.push(
    verdict.passed
      ? style.green(`All ${verdict.checks.length} checks pass for ${verdict.challenge}.`)
      : style.red(`${failed} of ${verdict.checks.length} checks fail for ${verdict.challenge}.`),
  );
  return lines.join('\n');
}

/** The JSON report: stable field names, version 1. */
export function verdictToJson(verdict: ChallengeVerdict, lessonFor: LessonLookup): object {
  return {
    version: 1,
    challenge: verdict.challenge,
    passed: verdict.passed,
    parseError: verdict.parseError ?? null,
    cancelled: verdict.cancelled === true,
    checks: verdict.checks.map((check) => ({
      kind: check.kind,
      id: check.id,
      title: check.title,
      item: check.item ?? null,
      lesson: lessonFor(check.item)?.id ?? null,
      passed: check.passed,
      evidence: check.evidence,
      findings: check.findings.map(({ rule, severity, file, line, column, message, why, fix, item, references }) => ({
        rule, severity, file, line, column, message, why, fix, item: item ?? null, references,
      })),
    })),
  };
}
