/** The grade report for a person at a terminal: a line per student and challenge, failed checks with their reason. Pure. */
import type { GradeReport } from '../grade/report.js';

export function reportToText(report: GradeReport): string {
  const lines: string[] = [];
  const width = Math.max(7, ...report.students.map((s) => s.id.length));
  for (const student of report.students) {
    lines.push(`${student.id.padEnd(width)}  ${student.score}/${student.max}`);
    for (const challenge of student.challenges) {
      const engine = challenge.engine ? `  [${challenge.engine}]` : '';
      lines.push(`  ${challenge.passed ? 'PASS' : 'FAIL'} ${challenge.id}  ${challenge.score}/${challenge.max}${engine}`);
      for (const check of challenge.checks.filter((c) => !c.passed)) {
        lines.push(`       ${check.kind} ${check.id}: ${(check.evidence.split('\n')[0] ?? '').slice(0, 160)}`);
      }
    }
  }
  const total = report.students.length;
  lines.push('', `${total} student${total === 1 ? '' : 's'} graded on ${report.challenges.length} challenge${report.challenges.length === 1 ? '' : 's'}.`);
  return `${lines.join('\n')}\n`;
}
