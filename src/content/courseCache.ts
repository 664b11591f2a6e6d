/**
 * A cache of the validated course, so a one-shot command (`shipshape check`) does not parse
 * and validate sixty Markdown and YAML files every time: about 100 ms of a 400 ms check here.
 * The cache is keyed by a fingerprint of every content file (path, size, modification time),
 * the course folder, the shipshape version and the rule and probe ids the validation relied on;
 * any change and the course is loaded and validated afresh. Writing it is best effort. A hit
 * loads none of what validation needs, so `list`, `hint` or the course map start without it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDirectory } from '../workspace/paths.js';
import { defaultCourseRoot, type Course } from './course.js';
import { compareOrdinal } from '../shared/ordinal.js';

const CACHE_FORMAT = 1;

export interface CourseCacheOptions {
  root?: string;
  dataDir?: string;
  /** What else the validity of a loaded course depends on: version, rule and probe ids. */
  dependsOn: string;
}

export async function loadCourseCached(options: CourseCacheOptions): Promise<Course> {
  const root = options.root ?? defaultCourseRoot();
  const file = path.join(options.dataDir ?? dataDirectory(), 'cache', `course-${hash(root)}.json`);
  const fingerprint = hash([CACHE_FORMAT, root, options.dependsOn, ...contentStats(root)].join('\n'));
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { fingerprint: string; course: Course };
    if (cached.fingerprint === fingerprint) return cached.course;
  } catch {
    // No cache yet, or an unreadable one: load afresh.
  }
  // Validation (zod, the YAML parser, the rule and probe registries) loads only on a miss.
  const { loadCourse } = await import('./loadCourse.js');
  const course = loadCourse(root);
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ fingerprint, course }));
    renameSync(temporary, file);
  } catch {
    // A read-only home only costs the speed-up.
  }
  return course;
}

/** `path size mtime` of every file under lessons/ and challenges/, in a stable order. */
function contentStats(root: string): string[] {
  const lines: string[] = [];
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => compareOrdinal(a.name, b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else {
        const stat = statSync(full);
        lines.push(`${path.relative(root, full)} ${stat.size} ${stat.mtimeMs} ${stat.ctimeMs}`);
      }
    }
  };
  walk(path.join(root, 'lessons'));
  walk(path.join(root, 'challenges'));
  return lines;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
