import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourseCached } from './courseCache.js';
import { CourseContentError, loadCourse } from './loadCourse.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-cache-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function courseCopy(name: string): string {
  const root = path.join(scratch, name);
  cpSync(path.join(repo, 'lessons'), path.join(root, 'lessons'), { recursive: true });
  cpSync(path.join(repo, 'challenges'), path.join(root, 'challenges'), { recursive: true });
  return root;
}

describe('loadCourseCached', () => {
  it('returns what loadCourse returns, first loaded and then cached', async () => {
    const root = courseCopy('same');
    const dataDir = path.join(scratch, 'data-same');
    const fresh = await loadCourseCached({ root, dataDir, dependsOn: 'v1' });
    const cached = await loadCourseCached({ root, dataDir, dependsOn: 'v1' });
    expect(fresh).toEqual(loadCourse(root));
    expect(cached).toEqual(fresh);
  });

  it('serves the cache while nothing changed (a planted cache entry proves it was read)', async () => {
    const root = courseCopy('planted');
    const dataDir = path.join(scratch, 'data-planted');
    await loadCourseCached({ root, dataDir, dependsOn: 'v1' });
    const [cacheFile] = readdirSync(path.join(dataDir, 'cache'));
    const full = path.join(dataDir, 'cache', cacheFile ?? '');
    const entry = JSON.parse(readFileSync(full, 'utf8')) as { course: { lessons: { title: string }[] } };
    entry.course.lessons[0]!.title = 'from the cache';
    writeFileSync(full, JSON.stringify(entry));
    expect((await loadCourseCached({ root, dataDir, dependsOn: 'v1' })).lessons[0]?.title).toBe('from the cache');
    // Another version of shipshape must not trust it.
    expect((await loadCourseCached({ root, dataDir, dependsOn: 'v2' })).lessons[0]?.title).not.toBe('from the cache');
  });

  it('validates afresh when a content file changes', async () => {
    const root = courseCopy('edited');
    const dataDir = path.join(scratch, 'data-edited');
    await loadCourseCached({ root, dataDir, dependsOn: 'v1' });
    const manifest = path.join(root, 'challenges/04-runtime/01-non-root-dockerfile/challenge.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('difficulty: beginner', 'difficulty: impossible'));
    await expect(loadCourseCached({ root, dataDir, dependsOn: 'v1' })).rejects.toThrow(CourseContentError);
  });

  it('is not needed for correctness: an unwritable data folder still loads', async () => {
    const root = courseCopy('readonly');
    const notAFolder = path.join(scratch, 'a-file');
    writeFileSync(notAFolder, '');
    expect((await loadCourseCached({ root, dataDir: notAFolder, dependsOn: 'v1' })).lessons.length).toBeGreaterThan(0);
  });
});
