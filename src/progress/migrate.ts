/**
 * Reading progress.json of any format version this shipshape knows: each migration lifts one
 * version to the next, then the current schema validates the result. Pure: parsed JSON in,
 * a Progress or a reason out. Version 1 is the first format; a later format adds its step to
 * `progressMigrations` (keyed by the version it upgrades from) and never edits an old one.
 */
import * as z from 'zod';
import { PROGRESS_VERSION, type Progress } from './progress.js';

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** version n → n + 1, by n. Empty while version 1 is the only format. */
export const progressMigrations: Readonly<Record<number, Migration>> = {};

const isoTime = z.string().min(1);

const progressSchema = z.object({
  challenges: z.record(z.string(), z.object({
    attempts: z.number().int().nonnegative(),
    passedAt: isoTime.optional(),
    lastCheckedAt: isoTime.optional(),
    lastResult: z.object({ passed: z.boolean(), passing: z.number().int().nonnegative(), total: z.number().int().nonnegative(), staticOnly: z.boolean() }).optional(),
    hintsShown: z.number().int().nonnegative().default(0),
    solutionShownEarlyAt: isoTime.optional(),
    skippedAt: isoTime.optional(),
    resetAt: isoTime.optional(),
  })),
  lessons: z.record(z.string(), z.object({
    openedAt: isoTime.optional(),
    quiz: z.record(z.string(), z.object({ correct: z.boolean(), answeredAt: isoTime })).default({}),
  })),
});

export type MigrationResult =
  | { ok: true; progress: Progress; migratedFrom?: number }
  | { ok: false; reason: string; newer?: number };

export function migrateProgress(data: unknown, migrations: Readonly<Record<number, Migration>> = progressMigrations, current: number = PROGRESS_VERSION): MigrationResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, reason: 'not a JSON object' };
  let record = data as Record<string, unknown>;
  const from = record.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return { ok: false, reason: 'no format version' };
  if (from > current) return { ok: false, reason: `written by a newer shipshape (format ${from}; this one reads up to ${current})`, newer: from };
  for (let version = from; version < current; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: `no migration from format ${version}` };
    record = { ...step(record), version: version + 1 };
  }
  const parsed = progressSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') || 'top level'}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, progress: { version: PROGRESS_VERSION, ...parsed.data } as Progress, ...(from < current ? { migratedFrom: from } : {}) };
}
