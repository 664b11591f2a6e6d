/**
 * The three shapes of `shipshape lint` output: text for people, JSON for scripts (version 1),
 * and SARIF 2.1.0 for code-scanning services. Pure functions of the results.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { LintResult } from '../rules/lintCore.js';
import type { Finding, Rule, Severity } from '../rules/types.js';
import type { LintSummary } from '../lint/lintSources.js';

export interface TextStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const plain: TextStyle = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, cyan: (t) => t };

export function lintToText(results: readonly LintResult[], summary: LintSummary, style: TextStyle = plain): string {
  const paint = (severity: Severity, text: string) => (severity === 'error' ? style.red(text) : severity === 'warning' ? style.yellow(text) : style.cyan(text));
  const lines: string[] = [];
  for (const result of results) {
    for (const finding of result.findings) {
      lines.push(`${style.bold(`${finding.file}:${finding.line}:${finding.column}`)} ${paint(finding.severity, finding.severity)} ${finding.message} ${style.dim(`[${finding.rule}]`)}`);
      lines.push(`    fix: ${finding.fix}`);
      // The lesson is named by curriculum item, so lint never loads the course to print it.
      if (finding.item) lines.push(style.dim(`    why: shipshape lesson ${finding.item}`));
    }
  }
  const counts = `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info`;
  lines.push(`${lines.length > 0 ? '\n' : ''}${counts} in ${summary.files} file${summary.files === 1 ? '' : 's'}`);
  return lines.join('\n');
}

export function lintToJson(results: readonly LintResult[]): object {
  return {
    version: 1,
    results: results.map((result) => ({
      file: result.file,
      kind: result.kind,
      findings: result.findings.map(({ rule, severity, line, column, message, why, fix, item, references }) => ({
        rule, severity, line, column, message, why, fix, item: item ?? null, references,
      })),
    })),
  };
}

const sarifLevel: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it: one run, the rules that fired as
 * `tool.driver.rules`, results with a physical location relative to the repository root.
 */
export function lintToSarif(results: readonly LintResult[], allRules: readonly Rule[], version: string): Log {
  const findings = results.flatMap((result) => result.findings);
  const firedIds = [...new Set(findings.map((f) => f.rule))].sort();
  const descriptors: ReportingDescriptor[] = firedIds.map((id) => descriptorFor(id, allRules, findings));
  const index = new Map(firedIds.map((id, i) => [id, i]));
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'shipshape', version, informationUri: 'https://github.com/shipshape-dev/shipshape', rules: descriptors } },
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule) ?? 0,
          level: sarifLevel[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(finding.file) },
                region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
              },
            },
          ],
        })),
      },
    ],
  };
}

function descriptorFor(id: string, allRules: readonly Rule[], findings: readonly Finding[]): ReportingDescriptor {
  const rule = allRules.find((candidate) => candidate.meta.id === id);
  const sample = findings.find((f) => f.rule === id);
  const meta = rule?.meta ?? { title: sample?.title ?? id, why: sample?.why ?? '', fix: sample?.fix ?? '', severity: sample?.severity ?? 'error', item: sample?.item, references: [] };
  return {
    id,
    name: id.replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase()),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.why || meta.title },
    help: { text: meta.fix || meta.title, markdown: `${meta.why}\n\n**Fix:** ${meta.fix}` },
    defaultConfiguration: { level: sarifLevel[meta.severity] },
    properties: { tags: ['security', ...(meta.item ? [meta.item] : []), ...meta.references] },
  };
}
