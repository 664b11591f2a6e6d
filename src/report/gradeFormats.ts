/** The grade report in each output format `shipshape grade --format` offers. Pure. */
import type { GradeReport } from '../grade/report.js';
import { reportToCsv } from './gradeCsv.js';
import { reportToJunit } from './gradeJunit.js';
import { reportToText } from './gradeText.js';

export const gradeFormats = ['json', 'junit', 'csv', 'text'] as const;
export type GradeFormat = (typeof gradeFormats)[number];

export function isGradeFormat(value: string): value is GradeFormat {
  return (gradeFormats as readonly string[]).includes(value);
}

export function formatGradeReport(report: GradeReport, format: GradeFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'junit':
      return reportToJunit(report);
    case 'csv':
      return reportToCsv(report);
    case 'text':
      return reportToText(report);
  }
}
