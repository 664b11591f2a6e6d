/** `shipshape coverage`: which curriculum items have lessons, challenges, rules and probes. */
import { curriculumCoverage, formatCoverage } from '../../coverage/coverage.js';
import { allRules, profileRules } from '../../rules/registry.js';
import { allProbes } from '../../runtime/probes/registry.js';
import type { Io } from '../main.js';
import { cliCourse } from '../course.js';

export async function coverageCommand(options: { json: boolean }, io: Io): Promise<number> {
  const course = (await cliCourse());
  const rules = [...allRules, ...profileRules].map((rule) => ({ id: rule.meta.id, item: rule.meta.item }));
  const rows = curriculumCoverage(course.lessons, course.challenges, rules, allProbes);
  io.out(options.json ? JSON.stringify({ version: 1, items: rows }, null, 2) : formatCoverage(rows));
  return 0;
}
