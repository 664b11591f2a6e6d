/**
 * The course map's `/` search: an entry matches when every word of the query is in its title,
 * id, kind or one of its checklist items (so "runtime.non-root" and "non root" both find it).
 */
import type { OutlineEntry } from '../../progress/courseOutline.js';

export function entryMatches(entry: OutlineEntry, query: string): boolean {
  const items = entry.kind === 'lesson' ? entry.lesson.items : entry.challenge.items;
  const haystack = [entry.title, entry.id, entry.kind, ...items].join(' ').toLowerCase().replace(/[-_.]/g, ' ');
  return query.toLowerCase().replace(/[-_.]/g, ' ').split(/\s+/).filter(Boolean).every((word) => haystack.includes(word));
}

export function searchEntries(entries: readonly OutlineEntry[], query: string): OutlineEntry[] {
  return query.trim() === '' ? [...entries] : entries.filter((entry) => entryMatches(entry, query));
}
