/**
 * Coverage of the curriculum: for every checklist item, the lessons that teach it, the
 * challenges that practise it, and the rules and probes that check it. Pure: the course and the
 * registries in, a table out. Curriculum ids are the shared key that makes this countable.
 */
import { curriculumItemIds, curriculumItems, type CurriculumItemId } from '../content/curriculum.js';
import type { Challenge, Lesson } from '../content/schema.js';

export interface ItemCoverage {
  item: CurriculumItemId;
  title: string;
  lessons: string[];
  challenges: string[];
  rules: string[];
  probes: string[];
}

export interface Checker {
  id: string;
  item: CurriculumItemId;
}

export function curriculumCoverage(lessons: readonly Lesson[], challenges: readonly Challenge[], rules: readonly Checker[], probes: readonly Checker[]): ItemCoverage[] {
  return curriculumItemIds.map((item) => ({
    item,
    title: curriculumItems[item],
    lessons: lessons.filter((l) => l.items.includes(item)).map((l) => l.id),
    challenges: challenges.filter((c) => c.items.includes(item)).map((c) => c.id),
    rules: rules.filter((r) => r.item === item).map((r) => r.id),
    probes: probes.filter((p) => p.item === item).map((p) => p.id),
  }));
}

export function formatCoverage(rows: readonly ItemCoverage[]): string {
  const width = Math.max(...rows.map((r) => r.item.length));
  const count = (n: number) => String(n).padStart(3);
  const lines = [`${'item'.padEnd(width)}  lessons challenges rules probes`];
  for (const row of rows) {
    lines.push(`${row.item.padEnd(width)}  ${count(row.lessons.length)}     ${count(row.challenges.length)}      ${count(row.rules.length)}   ${count(row.probes.length)}`);
  }
  const covered = (key: 'lessons' | 'challenges' | 'rules' | 'probes') => rows.filter((r) => r[key].length > 0).length;
  lines.push('');
  lines.push(`${rows.length} items: ${covered('lessons')} with a lesson, ${covered('challenges')} with a challenge, ${covered('rules')} with a static rule, ${covered('probes')} with a runtime probe.`);
  return lines.join('\n');
}
