/**
 * Cross-checks a whole course once every file parsed on its own: ids are unique, every rule and
 * probe a challenge names exists, and every challenge item is taught by some lesson.
 */
import type { Challenge, Lesson } from './schema.js';

export interface CourseProblem {
  file: string;
  message: string;
}

export interface KnownChecks {
  ruleIds: ReadonlySet<string>;
  /** Validates a probe's `with:` parameters: an error message, or undefined when they are fine. */
  probes: ReadonlyMap<string, (params: Record<string, unknown>) => string | undefined>;
}

export function validateCourse(lessons: readonly Lesson[], challenges: readonly Challenge[], known: KnownChecks): CourseProblem[] {
  const problems: CourseProblem[] = [];
  const seen = new Map<string, string>();
  for (const { id, file } of [
    ...lessons.map((lesson) => ({ id: lesson.id, file: lesson.source })),
    ...challenges.map((challenge) => ({ id: challenge.id, file: `${challenge.folder}/challenge.yaml` })),
  ]) {
    const earlier = seen.get(id);
    if (earlier) problems.push({ file, message: `id "${id}" is already used by ${earlier}` });
    else seen.set(id, file);
  }
  const taught = new Set(lessons.flatMap((lesson) => lesson.items));
  for (const challenge of challenges) {
    const file = `${challenge.folder}/challenge.yaml`;
    for (const check of challenge.checks.static) {
      if (!known.ruleIds.has(check.rule)) problems.push({ file, message: `checks.static names unknown rule "${check.rule}"` });
      if (check.file && !challenge.files.includes(check.file)) {
        problems.push({ file, message: `checks.static file "${check.file}" is not one of the challenge files` });
      }
    }
    for (const probe of challenge.checks.runtime?.probes ?? []) {
      const validate = known.probes.get(probe.probe);
      if (!validate) {
        problems.push({ file, message: `checks.runtime names unknown probe "${probe.probe}"` });
        continue;
      }
      const error = validate(probe.with);
      if (error) problems.push({ file, message: `checks.runtime probe "${probe.probe}": ${error}` });
    }
    const run = challenge.checks.runtime?.run;
    if (run && run.from !== 'dockerfile' && !challenge.files.includes(run.file)) {
      problems.push({ file, message: `checks.runtime.run.file "${run.file}" is not one of the challenge files` });
    }
    for (const item of challenge.items) {
      if (!taught.has(item)) problems.push({ file, message: `item "${item}" is not taught by any lesson` });
    }
    if (challenge.hints.length === 0) problems.push({ file, message: 'hints.md has no "## " hint sections' });
  }
  return problems;
}
