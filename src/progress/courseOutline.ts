/**
 * The course in course order: sections from the numbered folders (`lessons/02-images/…` and
 * `challenges/02-images/…` are one section), each section's lessons and challenges interleaved
 * by their order numbers, a lesson before a challenge of the same number. Pure: the course in,
 * the outline out; the course map, `next` and `progress` all read it.
 */
import type { Challenge, Lesson } from '../content/schema.js';
import { compareOrdinal } from '../shared/ordinal.js';

export type OutlineEntry =
  | { kind: 'lesson'; id: string; title: string; order: number; section: string; lesson: Lesson }
  | { kind: 'challenge'; id: string; title: string; order: number; section: string; challenge: Challenge };

export interface OutlineSection {
  /** The folder name, e.g. `02-images`. */
  key: string;
  /** What the learner reads, e.g. `Images`. */
  title: string;
  entries: OutlineEntry[];
}

/** `lessons/02-images/03-pin-versions.md` → `02-images`; a file outside a section folder goes to `00-course`. */
export function sectionKey(source: string): string {
  const parts = source.split(/[\\/]/);
  const folder = parts.length >= 3 ? parts[1] : undefined;
  return folder && /^\d+-/.test(folder) ? folder : '00-course';
}

/** `02-images` → `Images`, `01-threat-model` → `Threat model`. */
export function sectionTitle(key: string): string {
  const words = key.replace(/^\d+-/, '').replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function courseOutline(course: { lessons: readonly Lesson[]; challenges: readonly Challenge[] }): OutlineSection[] {
  const entries: OutlineEntry[] = [
    ...course.lessons.map((lesson): OutlineEntry => ({ kind: 'lesson', id: lesson.id, title: lesson.title, order: lesson.order, section: sectionKey(lesson.source), lesson })),
    ...course.challenges.map((challenge): OutlineEntry => ({ kind: 'challenge', id: challenge.id, title: challenge.title, order: challenge.order, section: sectionKey(challenge.folder), challenge })),
  ];
  const sections = new Map<string, OutlineEntry[]>();
  for (const entry of entries) sections.set(entry.section, [...(sections.get(entry.section) ?? []), entry]);
  return [...sections.entries()]
    .sort(([a], [b]) => compareOrdinal(a, b))
    .map(([key, list]) => ({
      key,
      title: sectionTitle(key),
      entries: list.sort((a, b) => a.order - b.order || (a.kind === b.kind ? compareOrdinal(a.id, b.id) : a.kind === 'lesson' ? -1 : 1)),
    }));
}

/** Every entry in course order, sections flattened. */
export function outlineEntries(sections: readonly OutlineSection[]): OutlineEntry[] {
  return sections.flatMap((section) => section.entries);
}
