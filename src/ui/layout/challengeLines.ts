/**
 * A challenge laid out: the task reflowed to the width, the files with their workspace path,
 * the learner's file with its TODO line marked, the check (a bar for the build steps, then a
 * row per probe, then each result with file:line, why, fix and the lesson), the hints shown so
 * far, and after a pass the diff against the solution and the attack replays before and after.
 * Pure: everything it shows comes in as arguments.
 */
import type { Challenge } from '../../content/schema.js';
import type { FileDiff } from '../../solution/solutionDiff.js';
import { renderMarkdown } from '../markdown/renderMarkdown.js';
import { span, wrapSpans, type StyledLine } from '../markdown/styledText.js';
import { isAttack, type CheckViewState } from '../state/checkState.js';

export interface ChallengeLayoutInput {
  challenge: Challenge;
  dir: string;
  files: { name: string; text: string | undefined }[];
  hintsShown: number;
  check: CheckViewState;
  passedBefore: boolean;
  diff: FileDiff[] | undefined;
  lessonFor: (item: string | undefined) => { id: string; title: string } | undefined;
  width: number;
}

export interface ChallengeLayout {
  lines: StyledLine[];
  /** Where the check section starts, so a new verdict can be scrolled into view. */
  resultsRow: number;
}

export function progressBar(step: number, total: number, width: number): string {
  const cells = Math.max(5, Math.min(20, width - 30));
  const filled = Math.round((Math.min(step, total) / Math.max(1, total)) * cells);
  return `[${'█'.repeat(filled)}${'░'.repeat(cells - filled)}]`;
}

export function challengeLines(input: ChallengeLayoutInput): ChallengeLayout {
  const { challenge, width, check } = input;
  const lines: StyledLine[] = [
    ...wrapSpans([span(challenge.title, { bold: true }), span(`  ${challenge.difficulty} · ${challenge.items.join(', ')}`, { dim: true })], width),
    [],
    ...renderMarkdown(challenge.task, width),
    [],
    [span('Files to fix', { bold: true }), span(` in ${input.dir}`, { dim: true })],
  ];
  for (const file of input.files) {
    lines.push([]);
    lines.push([span(file.name, { bold: true, color: 'cyan' })]);
    if (file.text === undefined) {
      lines.push([span('  (missing: r puts the broken version back)', { color: 'red' })]);
      continue;
    }
    const rows = file.text.replace(/\n$/, '').split('\n');
    const gutter = String(rows.length).length;
    rows.forEach((text, i) => {
      const todo = /#\s*TODO\b|\/\/\s*TODO\b/.test(text);
      for (const [j, row] of wrapSpans([span(text, { color: todo ? 'yellow' : undefined, bold: todo })], Math.max(10, width - gutter - 5)).entries()) {
        lines.push([span(j === 0 ? (todo ? '▶ ' : '  ') : '  ', { color: 'yellow' }), span(`${j === 0 ? String(i + 1).padStart(gutter) : ' '.repeat(gutter)} │ `, { dim: true }), ...row]);
      }
    });
  }
  lines.push([]);
  const resultsRow = lines.length;
  lines.push(...checkSection(input));
  if (input.hintsShown > 0) {
    lines.push([]);
    challenge.hints.slice(0, input.hintsShown).forEach((hint, i) => {
      lines.push([span(`Hint ${i + 1} of ${challenge.hints.length}`, { bold: true })]);
      lines.push(...renderMarkdown(hint, width), []);
    });
  }
  if (input.diff) lines.push([], ...diffLines(input.diff, width));
  return { lines, resultsRow };
}

function checkSection(input: ChallengeLayoutInput): StyledLine[] {
  const { check, width, challenge } = input;
  const lines: StyledLine[] = [];
  const watching = check.watching ? ' · watching for saves' : '';
  if (check.status === 'idle') {
    lines.push(...wrapSpans([span('Check', { bold: true }), span(`${watching}  `, { color: 'magenta' }), span(input.passedBefore ? 'You passed this one before. c checks again.' : 'c checks your files; w checks again on every save.', { dim: true })], width));
    return lines;
  }
  lines.push([span('Check', { bold: true }), span(watching, { color: 'magenta' })]);
  if (check.status === 'running') {
    const what = check.staticOnly && challenge.checks.runtime ? 'static rules' : challenge.checks.runtime ? 'static rules, then build, run and probe' : 'static rules';
    lines.push([span(`  running: ${what}…`, { color: 'yellow' })]);
    if (check.build) lines.push(...wrapSpans([span(`  ${progressBar(check.build.step, check.build.total, width)} `, { color: 'cyan' }), span(`step ${check.build.step}/${check.build.total} ${check.build.instruction}`)], width, '    '));
    else if (check.phase) lines.push(...wrapSpans([span(`  ${check.phase}`, { dim: true })], width));
    for (const note of check.notes) lines.push(...wrapSpans([span(`  ${note}`, { dim: true })], width, '    '));
    for (const probe of check.probes) lines.push(...wrapSpans([span(probe.result ? (probe.result.passed ? '  ✓ ' : '  ✗ ') : '  … ', { color: probe.result ? (probe.result.passed ? 'green' : 'red') : 'yellow' }), span(probe.title)], width, '    '));
  }
  if (check.status === 'error') lines.push(...wrapSpans([span(`  The check could not run: ${check.error ?? ''}`, { color: 'red' })], width, '  '));
  const verdict = check.verdict;
  if (verdict && check.status !== 'running') {
    if (verdict.parseError) {
      const at = verdict.parseError;
      lines.push(...wrapSpans([span('  ✗ ', { color: 'red' }), span(`${at.file}:${at.line}:${at.column}`, { bold: true }), span(` ${at.message}`)], width, '    '));
    }
    for (const result of verdict.checks) {
      lines.push(...wrapSpans([span(result.passed ? '  ✓ ' : '  ✗ ', { color: result.passed ? 'green' : 'red' }), span(result.title), span(` [${result.kind}]`, { dim: true })], width, '    '));
      if (result.passed) continue;
      if (result.findings.length === 0) lines.push(...wrapSpans([span(`    ${result.evidence}`, { dim: true })], width, '    '));
      for (const finding of result.findings) {
        lines.push(...wrapSpans([span(`    ${finding.file}:${finding.line}:${finding.column}`, { bold: true }), span(` ${finding.message}`)], width, '      '));
        lines.push(...wrapSpans([span('    why: ', { dim: true }), span(finding.why)], width, '      '));
        lines.push(...wrapSpans([span('    fix: ', { dim: true }), span(finding.fix)], width, '      '));
      }
      const lesson = input.lessonFor(result.item);
      if (lesson) lines.push(...wrapSpans([span(`    lesson: ${lesson.title} (l opens it)`, { dim: true })], width, '      '));
    }
    const failed = verdict.checks.filter((c) => !c.passed).length + (verdict.parseError && verdict.checks.length === 0 ? 1 : 0);
    lines.push([]);
    if (verdict.passed && check.complete) lines.push([span(`  All ${verdict.checks.length} checks pass. Challenge passed!`, { bold: true, color: 'green' })]);
    else if (verdict.passed) lines.push([span(`  The static rules pass; ${check.runtimeScheduledMs !== undefined ? 'building and running next…' : 'c runs the whole check.'}`, { color: 'yellow' })]);
    else lines.push([span(`  ${failed} of ${Math.max(verdict.checks.length, failed)} checks fail.`, { bold: true, color: 'red' }), span(check.watching ? ' Save the file to check again.' : ' Fix and press c (or w to watch).', { dim: true })]);
    const attacks = verdict.checks.filter((c) => isAttack(c.id) && c.passed && check.attacksBefore[c.id] !== undefined);
    if (verdict.passed && attacks.length > 0) {
      lines.push([], [span('Attack replay, before and after your fix', { bold: true })]);
      for (const attack of attacks) {
        lines.push(...wrapSpans([span(`  ${attack.title}`, { bold: true })], width, '    '));
        lines.push(...wrapSpans([span('    before: ', { color: 'red' }), span(check.attacksBefore[attack.id] ?? '')], width, '      '));
        lines.push(...wrapSpans([span('    after:  ', { color: 'green' }), span(attack.evidence)], width, '      '));
      }
    }
  }
  return lines;
}

export function diffLines(diffs: readonly FileDiff[], width: number): StyledLine[] {
  const lines: StyledLine[] = [[span('Your files against the reference solution', { bold: true })]];
  for (const diff of diffs) {
    if (diff.identical) {
      lines.push([span(`  ${diff.file}: the same as the solution`, { dim: true })]);
      continue;
    }
    lines.push([span(`--- yours/${diff.file}`, { color: 'red' })], [span(`+++ solution/${diff.file}`, { color: 'green' })]);
    for (const line of diff.lines) {
      const color = line.kind === 'add' ? 'green' : line.kind === 'remove' ? 'red' : line.kind === 'hunk' ? 'cyan' : undefined;
      lines.push(...wrapSpans([span(line.text, { color, dim: line.kind === 'same' })], width, ' '));
    }
  }
  return lines;
}
