/** The course as CLI commands load it: validated once, then served from the cache. */
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCourseCached } from '../content/courseCache.js';
import type { Course } from '../content/course.js';
import { packageVersion } from './version.js';

export function cliCourse(): Promise<Course> {
  return loadCourseCached({ dependsOn: `${packageVersion()} ${codeStamp()}` });
}

/**
 * Which build of shipshape validated the cached course: the size and time of the file holding
 * this code, which every build writes anew (a bundle chunk, or tsc's output). A rule or probe
 * renamed, added or given other parameters is a new build, so the course is validated again
 * against it; asking the registries themselves would load all of them on every command.
 */
function codeStamp(): string {
  try {
    const stat = statSync(fileURLToPath(import.meta.url));
    return `${stat.size}-${stat.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}
