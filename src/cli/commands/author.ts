/**
 * `shipshape author check [ids...]` proves challenges (broken fails, solution passes, negative
 * fixes fail); `shipshape author schema` prints the content formats as JSON Schema.
 */
import * as z from 'zod';
import { authorCheckChallenge } from '../../author/authorCheck.js';
import { loadCourse } from '../../content/loadCourse.js';
import { challengeManifestSchema, lessonFrontMatterSchema } from '../../content/schema.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';

export async function authorCheckCommand(options: { ids: string[]; staticOnly: boolean; json: boolean }, io: Io): Promise<number> {
  const course = loadCourse();
  const unknown = options.ids.filter((id) => !course.challenges.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`no challenge ${unknown.map((id) => `"${id}"`).join(', ')}`, 'author');
  const selected = options.ids.length > 0 ? course.challenges.filter((c) => options.ids.includes(c.id)) : course.challenges;
  const cases = [];
  for (const challenge of selected) {
    const results = await authorCheckChallenge(course, challenge, { staticOnly: options.staticOnly });
    cases.push(...results);
    if (!options.json) {
      for (const result of results) {
        io.out(`${result.ok ? style.green('ok  ') : style.red('FAIL')} ${challenge.id}: ${result.name}`);
        for (const problem of result.problems) io.out(`       ${problem}`);
      }
    }
  }
  const failed = cases.filter((c) => !c.ok).length;
  if (options.json) {
    io.out(JSON.stringify({ version: 1, passed: failed === 0, cases: cases.map(({ challenge, name, ok, problems }) => ({ challenge, name, ok, problems })) }, null, 2));
  } else {
    io.out(`\n${cases.length - failed} of ${cases.length} author cases hold${options.staticOnly ? ' (static only)' : ''}.`);
  }
  return failed === 0 ? 0 : 1;
}

export function authorSchemaCommand(io: Io): number {
  const asJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  io.out(JSON.stringify({ lessonFrontMatter: asJson(lessonFrontMatterSchema), challengeManifest: asJson(challengeManifestSchema) }, null, 2));
  return 0;
}
