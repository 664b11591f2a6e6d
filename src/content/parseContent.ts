/**
 * Pure parsers for content files: a lesson (Markdown with YAML front matter), a challenge
 * manifest (challenge.yaml) and its hints (hints.md). Text in, validated objects out; every
 * failure is an InputError naming the file and line.
 */
import type * as z from 'zod';
import { InputError, looksBinary } from '../parse/position.js';
import { challengeManifestSchema, lessonFrontMatterSchema, type ChallengeManifest, type Lesson } from './schema.js';
import { parseYamlLocated, yamlValue, zodIssueToInputError } from './yamlLocate.js';

/** Validates YAML text against a schema, reporting the first problem at its line. */
export function parseYamlWith<T>(schema: z.ZodType<T>, text: string, file: string, lineOffset = 0): T {
  if (looksBinary(text)) throw new InputError(file, { line: 1, column: 1 }, 'file contains binary data; expected YAML text');
  const located = parseYamlLocated(text, file, lineOffset);
  const result = schema.safeParse(yamlValue(located, file));
  if (!result.success) {
    const [issue] = result.error.issues;
    if (issue) throw zodIssueToInputError(issue, located, file);
  }
  return result.data as T;
}

/**
 * @example
 *   parseLesson('---\nid: a\ntitle: A\nitems: [runtime.non-root]\norder: 1\n---\nBody', 'a.md').body // 'Body'
 */
export function parseLesson(text: string, file: string): Lesson {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) {
    throw new InputError(file, { line: 1, column: 1 }, 'a lesson starts with YAML front matter between two "---" lines');
  }
  const frontMatter = parseYamlWith(lessonFrontMatterSchema, match[1] ?? '', file, 1);
  return { ...frontMatter, body: (match[2] ?? '').trim(), source: file };
}

export function parseChallengeManifest(text: string, file: string): ChallengeManifest {
  return parseYamlWith(challengeManifestSchema, text, file);
}

/**
 * Hints are `## ` sections of hints.md, shown one at a time, mildest first.
 *
 * @example parseHints('## 1\nLook at USER\n## 2\nUse 10001\n') // ['Look at USER', 'Use 10001']
 */
export function parseHints(text: string): string[] {
  return text
    .split(/^##[^\n]*\n/m)
    .slice(1)
    .map((section) => section.trim())
    .filter((section) => section.length > 0);
}
