/**
 * The grade report as JUnit XML, the format Jenkins and GitLab show as test results: a
 * testsuite per student, a testcase per check, a failure with the evidence for each failed one.
 * Pure. Evidence comes from learners' files and containers, so anything XML cannot carry
 * (control characters, lone surrogates) is replaced, never passed through.
 */
import type { GradeReport } from '../grade/report.js';

export function reportToJunit(report: GradeReport): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  const all = report.students.flatMap((s) => s.challenges.flatMap((c) => c.checks));
  const totalMs = report.students.reduce((sum, s) => sum + s.challenges.reduce((n, c) => n + c.durationMs, 0), 0);
  lines.push(`<testsuites name="shipshape grade" tests="${all.length}" failures="${all.filter((c) => !c.passed).length}" errors="0" time="${seconds(totalMs)}">`);
  for (const [index, student] of report.students.entries()) {
    const checks = student.challenges.flatMap((c) => c.checks);
    const studentMs = student.challenges.reduce((n, c) => n + c.durationMs, 0);
    lines.push(
      `  <testsuite name="${attr(student.id)}" id="${index}" tests="${checks.length}" failures="${checks.filter((c) => !c.passed).length}" errors="0" skipped="0" time="${seconds(studentMs)}">`,
    );
    lines.push('    <properties>');
    lines.push(`      <property name="score" value="${student.score}"/>`);
    lines.push(`      <property name="max" value="${student.max}"/>`);
    lines.push('    </properties>');
    for (const challenge of student.challenges) {
      // The challenge's time is spread over its checks, so the suite's times add up.
      const perCheck = challenge.checks.length > 0 ? challenge.durationMs / challenge.checks.length : 0;
      for (const check of challenge.checks) {
        const open = `    <testcase name="${attr(`${challenge.id} ${check.kind} ${check.id}`)}" classname="${attr(`${student.id}.${challenge.id}`)}" time="${seconds(perCheck)}"`;
        if (check.passed) {
          lines.push(`${open}/>`);
          continue;
        }
        lines.push(`${open}>`);
        const message = `${check.id}: ${firstLine(check.evidence)} (0 of ${check.maxPoints} points)`;
        lines.push(`      <failure message="${attr(message)}" type="${check.kind}">${text(check.evidence)}</failure>`);
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

function firstLine(value: string): string {
  const line = value.split('\n')[0] ?? '';
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Characters XML 1.0 allows: tab, newline, carriage return, and the rest from U+0020 up, minus surrogates and U+FFFE/U+FFFF. */
function xmlSafe(value: string): string {
  return value.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD');
}

function text(value: string): string {
  return xmlSafe(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
