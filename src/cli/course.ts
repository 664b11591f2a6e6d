/** The course as CLI commands load it: validated once, then served from the cache. */
import { loadCourseCached } from '../content/courseCache.js';
import type { Course } from '../content/loadCourse.js';
import { allRules, profileRules } from '../rules/registry.js';
import { allProbes } from '../runtime/probes/registry.js';
import { packageVersion } from './version.js';

export function cliCourse(): Course {
  const dependsOn = [packageVersion(), ...allRules.map((r) => r.meta.id), ...profileRules.map((r) => r.meta.id), ...allProbes.map((p) => p.id)].join(' ');
  return loadCourseCached({ dependsOn });
}
