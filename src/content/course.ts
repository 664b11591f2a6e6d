/**
 * The loaded course as the commands use it, and where it comes from; nothing here validates or
 * loads anything, so a command that reads the course from the cache (courseCache.ts) never
 * loads the rule and probe registries, zod or the YAML parser, which only validation needs.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CourseProblem } from './validateCourse.js';
import type { Challenge, Lesson } from './schema.js';

export interface Course {
  root: string;
  lessons: Lesson[];
  challenges: Challenge[];
}

export class CourseContentError extends Error {
  constructor(readonly problems: CourseProblem[]) {
    super(`The course content has ${problems.length} problem(s):\n${problems.map((p) => `  ${p.file}: ${p.message}`).join('\n')}`);
    this.name = 'CourseContentError';
  }
}

/** The course that ships with shipshape, or the one SHIPSHAPE_COURSE points at. */
export function defaultCourseRoot(): string {
  const fromEnv = process.env.SHIPSHAPE_COURSE;
  if (fromEnv) return path.resolve(fromEnv);
  // dist/content/course.js or dist/bundle/<chunk>.js -> package root (the same depth from src/ under vitest).
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function lessonForItem(course: Pick<Course, 'lessons'>, item: string | undefined): Lesson | undefined {
  return item === undefined ? undefined : course.lessons.find((lesson) => lesson.items.some((taught) => taught === item));
}
