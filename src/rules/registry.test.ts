/**
 * Meta-tests over the rule registry (after typescript-eslint): every rule file is registered and
 * has a test beside it, ids match file paths, and every rule explains itself and names a
 * curriculum item.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCurriculumItemId } from '../content/curriculum.js';
import { allRules, findRule, profileRules } from './registry.js';

const rulesDir = path.dirname(fileURLToPath(import.meta.url));
const targets = readdirSync(rulesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
const ruleFiles = targets.flatMap((target) =>
  readdirSync(path.join(rulesDir, target))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts') && name !== 'index.ts')
    .map((name) => `${target}/${name.replace(/\.ts$/, '')}`),
);

describe('rule registry', () => {
  it('finds rule files to check', () => {
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  // Files named pss-* are Pod Security Standards controls: registered as profile rules, not defaults.
  it.each(ruleFiles)('%s is registered under the id of its path', (id) => {
    const isProfileRule = id.split('/')[1]?.startsWith('pss-') === true;
    expect((isProfileRule ? profileRules : allRules).map((rule) => rule.meta.id)).toContain(id);
    expect((isProfileRule ? allRules : profileRules).map((rule) => rule.meta.id)).not.toContain(id);
    expect(findRule(id)?.meta.id).toBe(id);
  });

  it.each(ruleFiles)('%s has a test file beside it', (id) => {
    expect(existsSync(path.join(rulesDir, `${id}.test.ts`))).toBe(true);
  });

  it('has no two rules with one id', () => {
    const ids = [...allRules, ...profileRules].map((rule) => rule.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each([...allRules, ...profileRules].map((rule) => [rule.meta.id, rule] as const))('%s explains itself', (_id, rule) => {
    const { meta } = rule;
    expect(meta.id).toMatch(/^(dockerfile|compose|kubernetes|ci|daemon)\/[a-z0-9-]+$/);
    expect(meta.id.startsWith(`${rule.target}/`)).toBe(true);
    expect(meta.title.length).toBeGreaterThan(5);
    // A title for each outcome, and they differ: a pass must not print the problem.
    expect(meta.passTitle.length).toBeGreaterThan(5);
    expect(meta.passTitle).not.toBe(meta.title);
    expect(meta.why.length).toBeGreaterThan(80);
    expect(meta.fix.length).toBeGreaterThan(20);
    expect(isCurriculumItemId(meta.item)).toBe(true);
    for (const reference of meta.references) expect(reference).toMatch(/^[a-z-]+:[\w.-]+$/);
  });
});
