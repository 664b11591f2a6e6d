/** `shipshape list`: the course's lessons and challenges. */
import type { Io } from '../main.js';
import { style } from '../style.js';
import { cliCourse } from '../course.js';
import { fileKindByName } from '../../checks/fileKinds.js';

export async function listCommand(options: { json: boolean }, io: Io): Promise<number> {
  const course = (await cliCourse());
  const lessons = course.lessons.map((lesson) => ({
    kind: 'lesson' as const,
    id: lesson.id,
    title: lesson.title,
    items: lesson.items,
    quizQuestions: lesson.quiz.length,
  }));
  const challenges = course.challenges.map((challenge) => ({
    kind: 'challenge' as const,
    id: challenge.id,
    title: challenge.title,
    items: challenge.items,
    difficulty: challenge.difficulty,
    // What the learner mainly edits: the kind of the first file listed.
    fileKind: fileKindByName(challenge.files[0] ?? ''),
    files: challenge.files,
    staticChecks: challenge.checks.static.map((check) => check.rule),
    runtimeChecks: challenge.checks.runtime?.probes.map((probe) => probe.probe) ?? [],
    hasRuntimeChecks: challenge.checks.runtime !== undefined,
  }));
  if (options.json) {
    const tally = (keys: string[]) => Object.fromEntries([...new Set(keys)].sort().map((key) => [key, keys.filter((k) => k === key).length]));
    const counts = {
      lessons: lessons.length,
      quizQuestions: lessons.reduce((sum, lesson) => sum + lesson.quizQuestions, 0),
      challenges: challenges.length,
      challengesByFileKind: tally(challenges.map((c) => c.fileKind)),
      challengesByDifficulty: tally(challenges.map((c) => c.difficulty)),
      runtimeChallenges: challenges.filter((c) => c.hasRuntimeChecks).length,
    };
    io.out(JSON.stringify({ version: 1, counts, lessons, challenges }, null, 2));
    return 0;
  }
  const idWidth = Math.max(...[...lessons, ...challenges].map((entry) => entry.id.length));
  io.out(style.bold('Lessons'));
  for (const lesson of lessons) {
    io.out(`  ${lesson.id.padEnd(idWidth)}  ${lesson.title}  ${style.dim(lesson.items.join(', '))}`);
  }
  io.out('');
  io.out(style.bold('Challenges'));
  for (const challenge of challenges) {
    const kinds = ['static', ...(challenge.hasRuntimeChecks ? ['runtime'] : [])].join('+');
    io.out(`  ${challenge.id.padEnd(idWidth)}  ${challenge.title}  ${style.dim(`[${kinds}] ${challenge.items.join(', ')}`)}`);
  }
  io.out('');
  io.out(style.dim('Check one with: shipshape check <challenge-id>'));
  return 0;
}
