/**
 * `shipshape grade <submissions>`: checks every student's folder for every challenge, statically
 * and at runtime, and writes one report (JSON, JUnit, CSV or text). Exit 0 when grading
 * completed, whatever the scores: the scores are in the report. `grade merge` joins the reports
 * of several shards.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Challenge } from '../../content/schema.js';
import { variantChallenge, variantValues } from '../../content/variants.js';
import { exportArchivesIn, ExportError, unpackExport } from '../../export/exportArchive.js';
import { connectGradingEngines } from '../../grade/engines.js';
import { gradeSubmissions, type GradeTask } from '../../grade/gradeSubmissions.js';
import { MergeError, mergeReports } from '../../grade/merge.js';
import { assembleReport, gradeReportSchema, type GradeReport } from '../../grade/report.js';
import { parseSeeds, SeedsError } from '../../grade/seeds.js';
import { inShard, parseShard } from '../../grade/shard.js';
import { signReport, SignatureError } from '../../grade/signature.js';
import { discoverSubmissions } from '../../grade/submissions.js';
import { formatGradeReport, gradeFormats, isGradeFormat, type GradeFormat } from '../../report/gradeFormats.js';
import { cliCourse } from '../course.js';
import type { Io } from '../main.js';
import { style } from '../style.js';
import { UsageError } from '../usage.js';

export interface GradeCommandOptions {
  submissions: string;
  challenges: string | undefined;
  format: string;
  out: string | undefined;
  jobs: string | undefined;
  engines: string[];
  shard: string | undefined;
  seeds: string | undefined;
  signKey: string | undefined;
  timeout: string | undefined;
}

export async function gradeCommand(options: GradeCommandOptions, io: Io): Promise<number> {
  const format = checkedFormat(options.format);
  const jobs = positiveInteger(options.jobs ?? '1', '--jobs');
  const timeoutMs = options.timeout === undefined ? undefined : positiveInteger(options.timeout, '--timeout') * 1000;
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (options.shard !== undefined && !shard) throw new UsageError(`--shard ${options.shard}: expected i/n with 1 <= i <= n, e.g. 2/4`, 'grade');
  if (options.signKey !== undefined && options.out === undefined) throw new UsageError('--sign-key needs --out: the signature is written beside the report', 'grade');
  const signingKey = options.signKey === undefined ? undefined : readInput(options.signKey, '--sign-key');
  const seeds = options.seeds === undefined ? new Map<string, string>() : seedsFrom(options.seeds);
  const root = path.resolve(options.submissions);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`${options.submissions} is not a folder of submissions`, 'grade');

  const course = (await cliCourse());
  const selected = selectChallenges(course.challenges, options.challenges);
  const known = new Set(course.challenges.map((c) => c.id));

  // Archives from `shipshape export` are unpacked into a scratch folder and graded like folders.
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-grade-'));
  try {
    const archives = exportArchivesIn(root);
    for (const archive of archives) {
      try {
        const unpacked = await unpackExport(archive.file, scratch, archive.student);
        if (unpacked.mismatches.length > 0) io.err(style.dim(`${path.basename(archive.file)}: differs from its manifest: ${unpacked.mismatches.join(', ')} (graded as found)`, process.stderr));
      } catch (error) {
        if (!(error instanceof ExportError)) throw error;
        io.err(`shipshape: ${error.message}; skipped`);
      }
    }
    const folders = discoverSubmissions(root, known);
    const fromArchives = archives.length > 0 ? discoverSubmissions(scratch, known) : { students: [], skipped: [] };
    for (const note of [...folders.skipped, ...fromArchives.skipped]) io.err(style.dim(`skipped ${note}`, process.stderr));
    const students = [...folders.students, ...fromArchives.students].filter((student) => inShard(student.id, shard));
    const duplicate = students.find((student, index) => students.findIndex((s) => s.id === student.id) !== index);
    if (duplicate) throw new UsageError(`student "${duplicate.id}" is both a folder and an archive in ${options.submissions}`, 'grade');

    const tasks: GradeTask[] = [];
    for (const student of [...students].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const seed = seeds.get(student.id) ?? null;
      for (const challenge of selected) {
        const graded = seed !== null && (challenge.variants?.length ?? 0) > 0 ? variantChallenge(challenge, variantValues(challenge, seed)) : challenge;
        tasks.push({ student: student.id, challenge: graded, dir: student.challenges.get(challenge.id), seed: seed !== null && graded !== challenge ? seed : null });
      }
    }
    const needsEngine = tasks.some((task) => task.dir !== undefined && task.challenge.checks.runtime !== undefined);
    const engines = needsEngine ? await connectGradingEngines(options.engines) : [{ name: 'none', docker: undefined as never }];
    if (needsEngine) {
      const { sweepLeftovers } = await import('../../runtime/session.js');
      for (const engine of engines) await sweepLeftovers(engine.docker);
    }
    io.err(style.dim(`Grading ${students.length} student(s) on ${selected.length} challenge(s), ${jobs} job(s) on each of ${engines.length} engine(s)`, process.stderr));
    let finished = 0;
    const results = await gradeSubmissions(tasks, {
      engines,
      jobsPerEngine: jobs,
      root: archives.length > 0 ? scratch : root,
      timeoutMs,
      onDone: (task, result) => io.err(style.dim(`  [${++finished}/${tasks.length}] ${task.student} ${result.id}: ${result.score}/${result.max}`, process.stderr)),
    });
    const byStudent = new Map(students.map((s) => [s.id, [] as typeof results]));
    results.forEach((result, index) => byStudent.get((tasks[index] as GradeTask).student)?.push(result));
    const report = assembleReport(selected.map((c) => c.id), [...byStudent].map(([id, challenges]) => ({ id, challenges })));
    writeReport(report, format, options.out, signingKey, io);
    return 0;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface GradeMergeOptions {
  reports: string[];
  format: string;
  out: string | undefined;
  signKey: string | undefined;
}

export function gradeMergeCommand(options: GradeMergeOptions, io: Io): number {
  const format = checkedFormat(options.format);
  if (options.reports.length === 0) throw new UsageError('name the JSON reports to merge', 'grade');
  if (options.signKey !== undefined && options.out === undefined) throw new UsageError('--sign-key needs --out: the signature is written beside the report', 'grade');
  const reports = options.reports.map((file) => {
    let json: unknown;
    try {
      json = JSON.parse(readInput(file, 'report'));
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`${file} is not JSON; merge reads the reports of \`grade --format json\``, 'grade');
    }
    const parsed = gradeReportSchema.safeParse(json);
    if (!parsed.success) throw new UsageError(`${file} is not a grade report (version 1): ${parsed.error.issues[0]?.message ?? 'invalid'}`, 'grade');
    return parsed.data as GradeReport;
  });
  let merged;
  try {
    merged = mergeReports(reports);
  } catch (error) {
    if (error instanceof MergeError) throw new UsageError(error.message, 'grade');
    throw error;
  }
  writeReport(merged, format, options.out, options.signKey === undefined ? undefined : readInput(options.signKey, '--sign-key'), io);
  return 0;
}

function writeReport(report: GradeReport, format: GradeFormat, out: string | undefined, signingKey: string | undefined, io: Io): void {
  const text = formatGradeReport(report, format);
  if (out === undefined) {
    io.out(text.replace(/\r?\n$/, ''));
    return;
  }
  const bytes = Buffer.from(text);
  // Sign first: a bad key must not leave an unsigned report that looks finished.
  let signature: string | undefined;
  if (signingKey !== undefined) {
    try {
      signature = signReport(bytes, signingKey);
    } catch (error) {
      if (error instanceof SignatureError) throw new UsageError(`--sign-key: ${error.message}`, 'grade');
      throw error;
    }
  }
  writeFileSync(out, bytes);
  if (signature !== undefined) writeFileSync(`${out}.sig`, signature);
  io.err(style.dim(`wrote ${out}${signature ? ` and ${out}.sig` : ''}`, process.stderr));
}

function checkedFormat(format: string): GradeFormat {
  if (!isGradeFormat(format)) throw new UsageError(`--format ${format}: expected one of ${gradeFormats.join(', ')}`, 'grade');
  return format;
}

function positiveInteger(text: string, flag: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new UsageError(`${flag} ${text}: expected a whole number from 1 to 64`, 'grade');
  return value;
}

function selectChallenges(all: readonly Challenge[], list: string | undefined): Challenge[] {
  if (list === undefined) return [...all].sort((a, b) => (a.id < b.id ? -1 : 1));
  const ids = list.split(',').map((id) => id.trim()).filter((id) => id !== '');
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`no challenge ${unknown.map((id) => `"${id}"`).join(', ')}; see \`shipshape list\``, 'grade');
  return all.filter((c) => ids.includes(c.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
}

function seedsFrom(file: string): Map<string, string> {
  try {
    return parseSeeds(readInput(file, '--seeds'));
  } catch (error) {
    if (error instanceof SeedsError) throw new UsageError(`${file}:${error.line}: ${error.message}`, 'grade');
    throw error;
  }
}

function readInput(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`, 'grade');
  }
}
