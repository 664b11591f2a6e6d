/**
 * The shapes of `shipshape lint` output: text for people (grouped per file), JSON for scripts
 * (version 1), SARIF 2.1.0 for code-scanning services, GitHub workflow-command annotations and
 * GitLab Code Quality JSON for CI. Pure functions of the results (paths are computed, not read).
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Log, ReportingDescriptor, Result } from 'sarif';
import type { LintResult } from '../rules/lintCore.js';
import type { Finding, Rule, Severity } from '../rules/types.js';
import type { LintSummary } from '../lint/lintSources.js';
import { visibleControls } from '../shared/visibleControls.js';

export interface TextStyle {
  bold: (text: string) => string;
  dim: (text: string) => string;
  red: (text: string) => string;
  yellow: (text: string) => string;
  cyan: (text: string) => string;
}

const plain: TextStyle = { bold: (t) => t, dim: (t) => t, red: (t) => t, yellow: (t) => t, cyan: (t) => t };

/**
 * Findings grouped under their file, the way people scan a report:
 *
 *   deploy/compose.yaml
 *     4:5  error  service web is privileged  [compose/no-privileged]
 *          fix: ...
 */
export function lintToText(results: readonly LintResult[], summary: LintSummary, style: TextStyle = plain): string {
  const paint = (severity: Severity, text: string) => (severity === 'error' ? style.red(text) : severity === 'warning' ? style.yellow(text) : style.cyan(text));
  const lines: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    if (lines.length > 0) lines.push('');
    lines.push(style.bold(visibleControls(result.file)));
    for (const finding of result.findings) {
      const where = `${finding.line}:${finding.column}`;
      lines.push(`  ${style.dim(where.padEnd(7))} ${paint(finding.severity, finding.severity.padEnd(7))} ${visibleControls(finding.message)}  ${style.dim(`[${finding.rule}]`)}`);
      lines.push(`          fix: ${finding.fix}`);
      // The lesson is named by curriculum item, so lint never loads the course to print it.
      if (finding.item) lines.push(style.dim(`          why: shipshape lesson ${finding.item}`));
    }
  }
  const counts = `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} info`;
  lines.push(`${lines.length > 0 ? '\n' : ''}${counts} in ${summary.files} file${summary.files === 1 ? '' : 's'}`);
  return lines.join('\n');
}

/** Where the reported paths live: findings name files relative to `cwd`; CI wants them relative to `srcRoot`. */
export interface ReportPaths {
  cwd: string;
  /** The repository root (the folder holding `.git`), SARIF's `%SRCROOT%`. */
  srcRoot: string;
}

/** A finding's file relative to the repository root, `/`-separated; undefined when it lies outside. */
export function repositoryPath(file: string, paths: ReportPaths): string | undefined {
  if (file === '<stdin>') return undefined;
  const relative = path.relative(paths.srcRoot, path.resolve(paths.cwd, file));
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
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
 * `tool.driver.rules`, results located relative to `%SRCROOT%` (the repository root, declared in
 * `originalUriBaseIds`), so the same report matches the same lines on any checkout.
 */
export function lintToSarif(results: readonly LintResult[], allRules: readonly Rule[], version: string, paths?: ReportPaths): Log {
  const findings = results.flatMap((result) => result.findings);
  const firedIds = [...new Set(findings.map((f) => f.rule))].sort();
  const descriptors: ReportingDescriptor[] = firedIds.map((id) => descriptorFor(id, allRules, findings));
  const index = new Map(firedIds.map((id, i) => [id, i]));
  const locate = (file: string): ArtifactLocation => {
    if (!paths) return { uri: encodeURI(file) };
    const relative = repositoryPath(file, paths);
    if (relative !== undefined) return { uri: encodeURI(relative), uriBaseId: '%SRCROOT%' };
    return file === '<stdin>' ? { uri: 'stdin' } : { uri: pathToFileURL(path.resolve(paths.cwd, file)).href };
  };
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [
      {
        tool: { driver: { name: 'shipshape', version, informationUri: 'https://github.com/shipshape-dev/shipshape', rules: descriptors } },
        ...(paths ? { originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(paths.srcRoot.endsWith(path.sep) ? paths.srcRoot : paths.srcRoot + path.sep).href } } } : {}),
        results: findings.map((finding) => ({
          ruleId: finding.rule,
          ruleIndex: index.get(finding.rule) ?? 0,
          level: sarifLevel[finding.severity],
          message: { text: finding.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: locate(finding.file),
                region: { startLine: Math.max(1, finding.line), startColumn: Math.max(1, finding.column) },
              },
            },
          ],
        })),
      },
    ],
  };
}

const githubLevel: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: `%`, CR and LF always; `:` and `,` too inside a property. */
export function escapeGithubData(text: string): string {
  // After the workflow-command escapes, no other control character (ESC, BEL) reaches the log.
  return visibleControls(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations (`::error file=...,line=...,col=...,title=...::message`): each
 * finding shows on the line it names in the pull request. Paths are repository-relative.
 */
export function lintToGithub(results: readonly LintResult[], summary: LintSummary, paths: ReportPaths): string {
  const lines = results.flatMap((result) =>
    result.findings.map((finding) => {
      const file = repositoryPath(finding.file, paths) ?? finding.file;
      const properties = [`file=${escapeGithubProperty(file)}`, `line=${Math.max(1, finding.line)}`, `col=${Math.max(1, finding.column)}`, `title=${escapeGithubProperty(`${finding.rule}: ${finding.title}`)}`];
      return `::${githubLevel[finding.severity]} ${properties.join(',')}::${escapeGithubData(`${finding.message}\nfix: ${finding.fix}`)}`;
    }),
  );
  lines.push(`shipshape: ${summary.errors} error(s), ${summary.warnings} warning(s), ${summary.infos} info in ${summary.files} file(s)`);
  return lines.join('\n');
}

const gitlabSeverity: Record<Severity, string> = { error: 'major', warning: 'minor', info: 'info' };

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: string;
  location: { path: string; lines: { begin: number } };
}

/**
 * GitLab Code Quality JSON (the `codequality` report artifact). The fingerprint hashes the rule,
 * path, message and the occurrence among equal ones, not the line: moving code does not turn a
 * known finding into a new one. `digest` is the hash (sha256 hex in the CLI), kept a parameter so
 * this stays pure.
 */
export function lintToGitlab(results: readonly LintResult[], paths: ReportPaths, digest: (text: string) => string): GitlabIssue[] {
  const occurrences = new Map<string, number>();
  return results.flatMap((result) =>
    result.findings.map((finding) => {
      const file = repositoryPath(finding.file, paths) ?? finding.file;
      const key = `${finding.rule}\u0000${file}\u0000${finding.message}`;
      const occurrence = (occurrences.get(key) ?? 0) + 1;
      occurrences.set(key, occurrence);
      return {
        description: `${finding.message} (fix: ${finding.fix})`,
        check_name: finding.rule,
        fingerprint: digest(`${key}\u0000${occurrence}`),
        severity: gitlabSeverity[finding.severity],
        location: { path: file, lines: { begin: Math.max(1, finding.line) } },
      };
    }),
  );
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
