/**
 * The learner's files against the reference solution, as unified diffs (the `diff` library:
 * a well-kept Myers implementation, so the hunks read like `git diff`). Pure: texts in, hunks
 * out; readSolution.ts does the reading.
 */
import { structuredPatch } from 'diff';

export interface DiffLine {
  kind: 'add' | 'remove' | 'same' | 'hunk';
  text: string;
}

export interface FileDiff {
  file: string;
  /** True when the learner's file is the solution's, byte for byte. */
  identical: boolean;
  lines: DiffLine[];
}

/**
 * @example solutionDiff('Dockerfile', 'FROM busybox\n', 'FROM busybox:1.36.1\n').lines
 */
export function solutionDiff(file: string, learner: string | undefined, solution: string, context = 3): FileDiff {
  const mine = learner ?? '';
  if (mine === solution) return { file, identical: true, lines: [] };
  const patch = structuredPatch(`yours/${file}`, `solution/${file}`, mine, solution, '', '', { context });
  const lines: DiffLine[] = [];
  for (const hunk of patch.hunks) {
    lines.push({ kind: 'hunk', text: `@@ yours ${hunk.oldStart},${hunk.oldLines} · solution ${hunk.newStart},${hunk.newLines} @@` });
    for (const line of hunk.lines) {
      if (line.startsWith('\\')) continue; // "No newline at end of file" says nothing to a learner.
      lines.push({ kind: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'remove' : 'same', text: line });
    }
  }
  return { file, identical: false, lines };
}

/** Plain text for the CLI: a header per file, then its hunks. */
export function formatSolutionDiffs(diffs: readonly FileDiff[]): string {
  return diffs
    .map((diff) => (diff.identical ? `${diff.file}: the same as the reference solution` : [`--- yours/${diff.file}`, `+++ solution/${diff.file}`, ...diff.lines.map((line) => line.text)].join('\n')))
    .join('\n\n');
}
