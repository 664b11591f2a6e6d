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
  /** The task's requirement this check proves (challenge.yaml's `requirement:`), for failures. */
  requirement?: string;
  /** How to fix a failed runtime check (static checks carry theirs in each finding). */
  fix?: string;
  findings: Finding[];
}

export interface ChallengeVerdict {
  challenge: string;
  passed: boolean;
  checks: CheckResult[];
}
