/**
 * `grade merge`: the reports of several shards become one, as if one job had graded the class.
 * Pure. A student graded in two reports is a mistake in the shard setup, not something to
 * guess about: the merge refuses and names them.
 */
import { assembleReport, type GradeReport, type GradedStudent } from './report.js';

export class MergeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MergeError';
  }
}

export function mergeReports(reports: readonly GradeReport[]): GradeReport {
  const students = new Map<string, GradedStudent>();
  const duplicated = new Set<string>();
  for (const report of reports) {
    for (const student of report.students) {
      if (students.has(student.id)) duplicated.add(student.id);
      students.set(student.id, student);
    }
  }
  if (duplicated.size > 0) throw new MergeError(`students graded in more than one report: ${[...duplicated].sort().join(', ')}`);
  return assembleReport(reports.flatMap((r) => r.challenges), [...students.values()]);
}
