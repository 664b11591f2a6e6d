/**
 * The formats of course content, as zod schemas. These schemas are the documentation of the
 * format too: `shipshape author schema` prints them as JSON Schema. Adding a lesson or a
 * challenge means writing files that satisfy them; no code changes.
 */
import * as z from 'zod';
import { isCurriculumItemId, type CurriculumItemId } from './curriculum.js';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as "non-root-user"');

const curriculumItem = z
  .string()
  .refine(isCurriculumItemId, { message: 'a curriculum item id from docs/curriculum.md, such as "runtime.non-root"' })
  .transform((value) => value as CurriculumItemId);

/**
 * Quiz questions come in four kinds. `kind` may be left out for a single-choice question, so
 * older lessons stay valid. `choiceExplanations`, where given, says for every choice why it is
 * right or wrong (one entry per choice, in the same order); `explanation` is the short lesson of
 * the question as a whole.
 */
const choiceList = z.array(z.string().min(1)).min(2).max(8);
const choiceExplanations = z.array(z.string().min(1)).optional();

const singleChoiceQuestion = z.strictObject({
  kind: z.literal('single').default('single'),
  question: z.string().min(1),
  choices: choiceList,
  /** Index into `choices`, counting from 0. */
  answer: z.number().int().min(0),
  explanation: z.string().min(1),
  choiceExplanations,
}).refine((q) => q.answer < q.choices.length, { message: 'answer must be the index of one of the choices', path: ['answer'] })
  .refine((q) => q.choiceExplanations === undefined || q.choiceExplanations.length === q.choices.length, { message: 'one explanation per choice', path: ['choiceExplanations'] });

/** "Select all that apply": every listed index must be picked, and no other. */
const multipleChoiceQuestion = z.strictObject({
  kind: z.literal('multiple'),
  question: z.string().min(1),
  choices: choiceList,
  /** Indexes into `choices` of every right answer, counting from 0. */
  answers: z.array(z.number().int().min(0)).min(1),
  explanation: z.string().min(1),
  choiceExplanations,
}).refine((q) => q.answers.every((a) => a < q.choices.length) && new Set(q.answers).size === q.answers.length, { message: 'answers must be distinct indexes of the choices', path: ['answers'] })
  .refine((q) => q.choiceExplanations === undefined || q.choiceExplanations.length === q.choices.length, { message: 'one explanation per choice', path: ['choiceExplanations'] });

/** "Which line is wrong": a snippet shown with line numbers; the learner names one line. */
const wrongLineQuestion = z.strictObject({
  kind: z.literal('wrong-line'),
  question: z.string().min(1),
  /** The snippet, one line per line; shown numbered from 1. */
  snippet: z.string().min(1),
  /** The wrong line, counting from 1. */
  answer: z.number().int().min(1),
  explanation: z.string().min(1),
}).refine((q) => q.answer <= q.snippet.replace(/\n$/, '').split('\n').length, { message: 'answer must be a line of the snippet', path: ['answer'] });

/** "Put the steps in order": `steps` are written in the right order and shown shuffled. */
const orderQuestion = z.strictObject({
  kind: z.literal('order'),
  question: z.string().min(1),
  steps: z.array(z.string().min(1)).min(3).max(8),
  explanation: z.string().min(1),
});

export const quizQuestionSchema = z.union([singleChoiceQuestion, multipleChoiceQuestion, wrongLineQuestion, orderQuestion]);

export const lessonFrontMatterSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  /** The curriculum items this lesson teaches. */
  items: z.array(curriculumItem).min(1),
  /** Position in the course; lessons are listed by this number. */
  order: z.number().int().nonnegative(),
  summary: z.string().min(1).optional(),
  references: z.array(z.string().min(1)).default([]),
  quiz: z.array(quizQuestionSchema).default([]),
});

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type QuizQuestion = z.infer<typeof quizQuestionSchema>;

export interface Lesson extends LessonFrontMatter {
  /** The Markdown body after the front matter. */
  body: string;
  /** Where it came from, relative to the course root. */
  source: string;
}

const relativePath = z
  .string()
  .min(1)
  .refine((p) => !p.startsWith('/') && !p.split(/[\\/]/).includes('..'), { message: 'a path inside the challenge folder' });

export const staticCheckSchema = z.strictObject({
  /** A rule id from `shipshape rules`, e.g. `dockerfile/no-root-user`. */
  rule: z.string().min(1),
  /** Which of the challenge's files the rule looks at (default: every file of the rule's kind). */
  file: relativePath.optional(),
  /** What passing this check is worth when grading (default 1). */
  points: z.number().int().nonnegative().default(1),
  /** The requirement of the task this check proves, in the task's words; shown beside a failure. */
  requirement: z.string().min(1).optional(),
});

export const runtimeProbeSchema = z.strictObject({
  /** A probe id, e.g. `user-not-root`; `shipshape probes` lists them. */
  probe: z.string().min(1),
  /** The probe's parameters (each probe validates its own), e.g. `{ maxBytes: 10000000 }`. */
  with: z.record(z.string(), z.unknown()).default({}),
  /** What passing this probe is worth when grading (default 1). */
  points: z.number().int().nonnegative().default(1),
  /** The requirement of the task this probe proves, in the task's words; shown beside a failure. */
  requirement: z.string().min(1).optional(),
});

/** How the container is started: with the image's defaults, or as a compose service or Kubernetes container says. */
export const runSourceSchema = z.discriminatedUnion('from', [
  z.strictObject({ from: z.literal('dockerfile') }),
  z.strictObject({ from: z.literal('compose'), file: relativePath, service: z.string().min(1) }),
  z.strictObject({ from: z.literal('kubernetes'), file: relativePath, container: z.string().min(1).optional() }),
]);

export const runtimeCheckSchema = z.strictObject({
  /** Build the image from this Dockerfile, with the challenge folder as the context. */
  dockerfile: relativePath.default('Dockerfile'),
  /** Where the learner's run settings come from (default: the image's own). */
  run: runSourceSchema.default({ from: 'dockerfile' }),
  probes: z.array(runtimeProbeSchema).min(1),
  /**
   * Base images the learner may build FROM (and `COPY --from`); nothing else is fetched. Default:
   * those the challenge's own broken, solution and alternative Dockerfiles use.
   */
  images: z.array(z.string().min(1)).optional(),
  /** `# syntax=` frontends the learner may name (they must be on the engine already); default none. */
  frontends: z.array(z.string().min(1)).optional(),
  /**
   * Secrets the build is given, as `docker build --secret id=<id>,src=<file>` would: id to a
   * file of the challenge folder. A `RUN --mount=type=secret,id=<id>` step reads it.
   */
  buildSecrets: z.record(z.string().regex(/^[\w.-]+$/, 'a secret id such as "registry_token"'), relativePath).optional(),
});

export const negativeFixSchema = z.strictObject({
  /** What the plausible wrong answer is, e.g. "USER root:root is still root". */
  name: z.string().min(1),
  /** Files replaced in a copy of the solution; each must still fail at least one check. */
  files: z.record(relativePath, z.string()),
  /** Whether to also build and run it (default: static checks only, which is where it must fail). */
  runtime: z.boolean().default(false),
});

export const alternativeSolutionSchema = z.strictObject({
  /** What makes this answer different, e.g. "a named user made with addgroup/adduser". */
  name: z.string().min(1),
  /** Files replaced in a copy of the solution. */
  files: z.record(relativePath, z.string()),
});

/**
 * A per-student variant parameter. Its `default` is the value the challenge's files are written
 * with; a variant replaces it (and any `{{name}}` placeholder) in the task, the broken files, the
 * solution, the wrong answers and the checks' parameters with a value drawn from the seed. So a
 * challenge gets variants from this one block, without rewriting its files.
 */
const variantName = z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'a name such as "apiKey"');
export const variantParameterSchema = z.discriminatedUnion('from', [
  /** A random token such as a planted secret: `prefix` then `length` hex digits. */
  z.strictObject({ name: variantName, from: z.literal('token'), default: z.string().min(6), prefix: z.string().default(''), length: z.number().int().min(6).max(40).default(8) }),
  /** A whole number from `min` to `max`: a uid, a port, a limit. */
  z.strictObject({ name: variantName, from: z.literal('integer'), default: z.number().int(), min: z.number().int(), max: z.number().int() })
    .refine((p) => p.min <= p.max, { message: 'min must not be above max', path: ['max'] }),
  /** One of the listed values: a file name, a user name. */
  z.strictObject({ name: variantName, from: z.literal('choice'), default: z.string().min(3), values: z.array(z.string().min(1)).min(2) }),
]);
export type VariantParameter = z.infer<typeof variantParameterSchema>;

export const challengeManifestSchema = z.strictObject({
  formatVersion: z.literal(1),
  id: slug,
  title: z.string().min(1),
  items: z.array(curriculumItem).min(1),
  order: z.number().int().nonnegative(),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']).default('beginner'),
  /** What the learner is asked to do, shown above the files. */
  task: z.string().min(1),
  /** The files the learner edits, relative to broken/ and solution/. */
  files: z.array(relativePath).min(1),
  checks: z.strictObject({
    static: z.array(staticCheckSchema).default([]),
    runtime: runtimeCheckSchema.optional(),
  }).refine((c) => c.static.length > 0 || c.runtime !== undefined, { message: 'a challenge needs at least one check' }),
  negativeFixes: z.array(negativeFixSchema).default([]),
  /** Other right answers: each replaces files in a copy of the solution and must pass every check. */
  alternativeSolutions: z.array(alternativeSolutionSchema).default([]),
  /** Per-student variant parameters (see variantParameterSchema); none by default. */
  variants: z.array(variantParameterSchema).optional(),
});

export type ChallengeManifest = z.infer<typeof challengeManifestSchema>;
export type StaticCheckSpec = z.infer<typeof staticCheckSchema>;
export type RuntimeCheckSpec = z.infer<typeof runtimeCheckSchema>;
export type RunSource = z.infer<typeof runSourceSchema>;
export type RuntimeProbeSpec = z.infer<typeof runtimeProbeSchema>;

export interface Challenge extends ChallengeManifest {
  /** Challenge folder, relative to the course root (`challenges/04-runtime/01-non-root`). */
  folder: string;
  hints: string[];
}
