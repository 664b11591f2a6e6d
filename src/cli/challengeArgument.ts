/** The `<challenge>` argument of the learner's commands: a known id, or a usage error that lists where to look. */
import type { Course } from '../content/loadCourse.js';
import type { Challenge } from '../content/schema.js';
import { UsageError } from './usage.js';

export function challengeArgument(course: Course, id: string, command: string): Challenge {
  const challenge = course.challenges.find((candidate) => candidate.id === id);
  if (!challenge) throw new UsageError(`no challenge "${id}"; see \`shipshape list\``, command);
  return challenge;
}
