/**
 * The grade report as CSV for a gradebook: one row per student, a column per challenge, then
 * the total and the maximum. RFC 4180 quoting (CRLF line ends, quotes doubled), and a cell that
 * a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading
 * apostrophe: student ids are folder names, and a folder name is input. Pure.
 */
import type { GradeReport } from '../grade/report.js';

export function reportToCsv(report: GradeReport): string {
  const header = ['student', ...report.challenges, 'total', 'max'];
  const rows = report.students.map((student) => {
    const byId = new Map(student.challenges.map((c) => [c.id, c]));
    // An empty cell means "not submitted": a gradebook tells that from a zero.
    const cells = report.challenges.map((id) => (byId.has(id) ? String(byId.get(id)?.score) : ''));
    return [student.id, ...cells, String(student.score), String(student.max)];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const defused = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(defused) ? `"${defused.replace(/"/g, '""')}"` : defused;
}
