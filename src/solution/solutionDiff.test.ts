import { describe, expect, it } from 'vitest';
import { formatSolutionDiffs, solutionDiff } from './solutionDiff.js';

describe('solutionDiff', () => {
  it('shows what differs from the solution, line by line', () => {
    const diff = solutionDiff('Dockerfile', 'FROM busybox\nUSER 1000\n', 'FROM busybox:1.36.1\nUSER 1000\n');
    expect(diff.identical).toBe(false);
    expect(diff.lines.filter((l) => l.kind !== 'same' && l.kind !== 'hunk').map((l) => l.text)).toEqual(['-FROM busybox', '+FROM busybox:1.36.1']);
    expect(diff.lines[0]?.kind).toBe('hunk');
  });

  it('says so when the files are the same', () => {
    expect(solutionDiff('a', 'x\n', 'x\n')).toEqual({ file: 'a', identical: true, lines: [] });
    expect(formatSolutionDiffs([solutionDiff('a', 'x\n', 'x\n')])).toBe('a: the same as the reference solution');
  });

  it('treats a missing file as empty', () => {
    const diff = solutionDiff('compose.yaml', undefined, 'services: {}\n');
    expect(diff.lines.map((l) => l.text)).toContain('+services: {}');
  });

  it('leaves out the no-newline marker', () => {
    const text = formatSolutionDiffs([solutionDiff('a', 'x', 'y')]);
    expect(text).not.toContain('No newline');
    expect(text).toContain('--- yours/a');
  });
});
