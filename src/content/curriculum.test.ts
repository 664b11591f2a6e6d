import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { curriculumItemIds, curriculumSections } from './curriculum.js';

const markdown = readFileSync(new URL('../../docs/curriculum.md', import.meta.url), 'utf8');
const idsInMarkdown = [...markdown.matchAll(/^- `([a-z0-9]+\.[a-z0-9-]+)`/gm)].map((match) => match[1]);

describe('curriculum', () => {
  it('lists exactly the item ids of docs/curriculum.md, in order', () => {
    expect(idsInMarkdown.length).toBeGreaterThan(30);
    expect(curriculumItemIds).toEqual(idsInMarkdown);
  });

  it('names a section for every item prefix', () => {
    for (const id of curriculumItemIds) expect(Object.keys(curriculumSections)).toContain(id.split('.')[0]);
  });
});
