/**
 * The course covers its checklist, as a learner or a reviewer sees it through the CLI:
 * `shipshape coverage --json` shows a challenge for every item the checklist marks as statically
 * or runtime checkable (S, R) and a runtime probe for every R item, and `shipshape list --json`
 * counts at least the challenges the course promises (issue 12). The S/R marks are read from
 * docs/curriculum.md itself: an item's own marks, else its section's.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

interface Marks { s: boolean; r: boolean }

/** Item id -> its S/R marks, from the curriculum's `- \`id\` ... (S R)` lines and `## N. Title (S Q)` headings. */
function checklistMarks(markdown: string): Map<string, Marks> {
  const marks = new Map<string, Marks>();
  let section: Marks = { s: false, r: false };
  const parse = (text: string | undefined): Marks | undefined => {
    if (text === undefined) return undefined;
    const words = text.split(/[\s,]+/);
    return { s: words.includes('S'), r: words.includes('R') };
  };
  for (const line of markdown.split('\n')) {
    const heading = /^## \d+\..*?\(([^)]*)\)\s*$/.exec(line);
    if (line.startsWith('## ')) section = parse(heading?.[1]) ?? { s: false, r: false };
    const item = /^- `([a-z0-9]+\.[a-z0-9-]+)`/.exec(line);
    if (item?.[1]) marks.set(item[1], parse(/\(([SRQ ]+)\)/.exec(line)?.[1]) ?? section);
  }
  return marks;
}

interface CoverageRow { item: string; challenges: string[]; probes: string[] }
interface ListOutput {
  counts: { challenges: number; challengesByFileKind: Record<string, number>; challengesByDifficulty: Record<string, number> };
  challenges: { id: string; fileKind: string; difficulty: string }[];
}

const marks = checklistMarks(readFileSync(path.join(repoRoot, 'docs/curriculum.md'), 'utf8'));
let coverage: CoverageRow[];
let list: ListOutput;

beforeAll(async () => {
  const [coverageRun, listRun] = await Promise.all([runCli(['coverage', '--json']), runCli(['list', '--json'])]);
  expect(coverageRun.code, coverageRun.stderr).toBe(0);
  expect(listRun.code, listRun.stderr).toBe(0);
  coverage = (JSON.parse(coverageRun.stdout) as { items: CoverageRow[] }).items;
  list = JSON.parse(listRun.stdout) as ListOutput;
});

describe('the checklist marks', () => {
  it('are read for every item, with S and R where the checklist says so', () => {
    expect(marks.size).toBe(41);
    expect(marks.get('image.minimal-base')).toEqual({ s: true, r: true });
    expect(marks.get('image.expose')).toEqual({ s: true, r: false });
    expect(marks.get('network.tls')).toEqual({ s: true, r: false });
    expect(marks.get('threat.model')).toEqual({ s: false, r: false });
    expect(marks.get('k8s.control-plane')).toEqual({ s: false, r: false });
  });
});

describe('shipshape coverage --json', () => {
  it('shows a challenge for every S or R item', () => {
    const uncovered = [...marks].filter(([, m]) => m.s || m.r).map(([item]) => item).filter((item) => (coverage.find((row) => row.item === item)?.challenges.length ?? 0) === 0);
    expect(uncovered).toEqual([]);
  });

  it('shows a runtime probe for every R item', () => {
    const unprobed = [...marks].filter(([, m]) => m.r).map(([item]) => item).filter((item) => (coverage.find((row) => row.item === item)?.probes.length ?? 0) === 0);
    expect(unprobed).toEqual([]);
  });
});

describe('shipshape list --json', () => {
  it('counts at least 32 challenges: 12 Dockerfile, 6 compose, 10 Kubernetes, 2 CI, 1 daemon.json', () => {
    expect(list.counts.challenges).toBe(list.challenges.length);
    expect(list.counts.challenges).toBeGreaterThanOrEqual(32);
    const byKind = list.counts.challengesByFileKind;
    expect(byKind.dockerfile).toBeGreaterThanOrEqual(12);
    expect(byKind.compose).toBeGreaterThanOrEqual(6);
    expect(byKind.kubernetes).toBeGreaterThanOrEqual(10);
    expect(byKind.ci).toBeGreaterThanOrEqual(2);
    expect(byKind.daemon).toBeGreaterThanOrEqual(1);
  });

  it('has beginner, intermediate and advanced challenges, and counts them as listed', () => {
    for (const level of ['beginner', 'intermediate', 'advanced']) {
      expect(list.counts.challengesByDifficulty[level], level).toBe(list.challenges.filter((c) => c.difficulty === level).length);
      expect(list.counts.challengesByDifficulty[level], level).toBeGreaterThan(0);
    }
  });
});

describe('the quizzes', () => {
  it('ask at least three questions per lesson, one of them beyond single choice', async () => {
    const { loadCourse } = await import('../../src/content/loadCourse.js');
    for (const lesson of loadCourse().lessons) {
      expect(lesson.quiz.length, lesson.id).toBeGreaterThanOrEqual(3);
      expect(lesson.quiz.some((q) => q.kind !== 'single'), lesson.id).toBe(true);
    }
  });

  it('explain every choice of every single and select-all question', async () => {
    const { loadCourse } = await import('../../src/content/loadCourse.js');
    const unexplained = loadCourse().lessons.flatMap((lesson) =>
      lesson.quiz.filter((q) => (q.kind === 'single' || q.kind === 'multiple') && q.choiceExplanations?.length !== q.choices.length).map((q) => `${lesson.id}: ${q.question}`));
    expect(unexplained).toEqual([]);
  });
});
