/**
 * The grade report: what `shipshape grade` writes and `grade merge` reads back. Version 1 is a
 * stable format (LMS imports and CI jobs read it), so fields are only ever added. Every list is
 * sorted by id, so the same submissions give the same bytes; only `durationMs` varies.
 */
import * as z from 'zod';

export interface GradedCheck {
  id: string;
  kind: 'static' | 'runtime';
  passed: boolean;
  /** What this check earned: its points when passed, else 0. */
  points: number;
  /** What it was worth. */
  maxPoints: number;
  evidence: string;
}

export interface GradedChallenge {
  id: string;
  score: number;
  max: number;
  passed: boolean;
  /** The engine that ran the runtime checks (its DOCKER_HOST-style address), or null when none ran. */
  engine: string | null;
  /** The variant seed the challenge was checked against, or null for the course's own values. */
  seed: string | null;
  durationMs: number;
  checks: GradedCheck[];
}

export interface GradedStudent {
  id: string;
  score: number;
  max: number;
  challenges: GradedChallenge[];
}

export interface GradeReport {
  version: 1;
  /** The challenges graded, in the order of the report's columns (sorted by id). */
  challenges: string[];
  students: GradedStudent[];
}

const checkSchema = z.object({
  id: z.string(),
  kind: z.enum(['static', 'runtime']),
  passed: z.boolean(),
  points: z.number(),
  maxPoints: z.number(),
  evidence: z.string(),
});

const challengeSchema = z.object({
  id: z.string(),
  score: z.number(),
  max: z.number(),
  passed: z.boolean(),
  engine: z.string().nullable(),
  seed: z.string().nullable(),
  durationMs: z.number(),
  checks: z.array(checkSchema),
});

/** The JSON report's schema, for `grade merge` and anyone reading reports back. */
export const gradeReportSchema = z.object({
  version: z.literal(1),
  challenges: z.array(z.string()),
  students: z.array(z.object({ id: z.string(), score: z.number(), max: z.number(), challenges: z.array(challengeSchema) })),
});

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** Puts students and their challenges in id order and totals each student. */
export function assembleReport(challengeIds: readonly string[], students: { id: string; challenges: GradedChallenge[] }[]): GradeReport {
  return {
    version: 1,
    challenges: [...new Set(challengeIds)].sort(),
    students: students
      .map((student) => {
        const challenges = [...student.challenges].sort(byId);
        return {
          id: student.id,
          score: challenges.reduce((sum, c) => sum + c.score, 0),
          max: challenges.reduce((sum, c) => sum + c.max, 0),
          challenges,
        };
      })
      .sort(byId),
  };
}
