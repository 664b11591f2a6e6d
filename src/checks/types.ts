/** The verdict of checking a learner's files against a challenge. */
import type { CurriculumItemId } from '../content/curriculum.js';
import type { Finding } from '../rules/types.js';

export interface CheckResult {
  kind: 'static' | 'runtime';
  /** The rule id (static) or probe id (runtime). */
  id: string;
  title: string;
  item: CurriculumItemId | undefined;
  passed: boolean;
  /** What was seen: the findings' messages, or a probe's evidence. */
  evidence: string;
  findings: Finding[];
}

/** Where a learner's file stopped making sense: the first file that does not parse. */
export interface ParseErrorPosition {
  /** Challenge-relative path, as in findings (`Dockerfile`, `compose.yaml`). */
  file: string;
  line: number;
  column: number;
  message: string;
}

export interface ChallengeVerdict {
  challenge: string;
  passed: boolean;
  checks: CheckResult[];
  /**
   * Set when a learner's file does not parse (watch mode sees half-typed files all the time):
   * the checks on it fail with the parse error as evidence, and nothing is built.
   */
  parseError?: ParseErrorPosition;
  /** Set when the caller's AbortSignal stopped the check; the unfinished checks fail as "cancelled". */
  cancelled?: boolean;
}
