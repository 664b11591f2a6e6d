/**
 * `shipshape variant <challenge> --seed S --out DIR`: one student's variant of a challenge, as
 * files to hand out: the task (TASK.md), the broken files with the variant's values, and, with
 * --solution, the solution under solution/. The same seed always writes the same files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { substituteVariant, variantChallenge, variantValues } from '../../content/variants.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { UsageError } from '../usage.js';

export async function variantCommand(options: { challengeId: string; seed: string | undefined; out: string | undefined; solution: boolean }, io: Io): Promise<number> {
  if (options.seed === undefined || options.seed === '') throw new UsageError('--seed S is required', 'variant');
  if (options.out === undefined) throw new UsageError('--out DIR is required', 'variant');
  const course = (await cliCourse());
  const challenge = course.challenges.find((c) => c.id === options.challengeId);
  if (!challenge) throw new UsageError(`no challenge "${options.challengeId}"; see \`shipshape list\``, 'variant');
  const parameters = challenge.variants ?? [];
  if (parameters.length === 0) throw new UsageError(`challenge "${challenge.id}" has no variant parameters; those with variants: ${course.challenges.filter((c) => (c.variants?.length ?? 0) > 0).map((c) => c.id).join(', ') || 'none'}`, 'variant');
  const out = path.resolve(options.out);
  if (existsSync(out) && (!statSync(out).isDirectory() || readdirSync(out).length > 0)) throw new UsageError(`--out ${options.out} exists and is not an empty folder`, 'variant');
  const values = variantValues(challenge, options.seed);
  const variant = variantChallenge(challenge, values);
  const folder = path.join(course.root, challenge.folder);
  writeSubstituted(path.join(folder, 'broken'), out, (text) => substituteVariant(text, parameters, values));
  if (options.solution) writeSubstituted(path.join(folder, 'solution'), path.join(out, 'solution'), (text) => substituteVariant(text, parameters, values));
  writeFileSync(path.join(out, 'TASK.md'), `# ${variant.title}\n\n${variant.task.trimEnd()}\n\nCheck your work with: shipshape check ${challenge.id} --dir .\n`);
  io.out(`wrote the variant of ${challenge.id} for seed ${JSON.stringify(options.seed)} to ${out}`);
  for (const [name, value] of Object.entries(values)) io.out(`  ${name} = ${value}`);
  return 0;
}

function writeSubstituted(from: string, to: string, substitute: (text: string) => string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    const source = path.join(from, name);
    const target = path.join(to, name);
    if (statSync(source).isDirectory()) {
      writeSubstituted(source, target, substitute);
      continue;
    }
    const content = readFileSync(source);
    // Text is substituted; a binary file (a NUL early on) is copied as it is.
    const isText = !content.subarray(0, 8192).includes(0);
    writeFileSync(target, isText ? substitute(content.toString('utf8')) : content, { mode: statSync(source).mode & 0o777 });
  }
}
