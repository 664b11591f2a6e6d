/**
 * What a check reports while it runs, as typed events rather than free-form lines: the TUI draws
 * a progress bar from build steps and a row per probe, `check` prints them, `grade` ignores them.
 * Events come in this order: static-result*, then (runtime only) phase 'gate', note*, phase
 * 'building', build-step*, phase 'starting', phase 'probing', probe-started/probe-result pairs,
 * phase 'cleaning'; and always one verdict last. A file that does not parse, a gate refusal or a
 * cancelled check ends the runtime part early, so later phases may be missing.
 */
import type { ChallengeVerdict, CheckResult } from './types.js';

export type CheckEvent =
  /** One static rule's result (all static results come before anything runtime). */
  | { type: 'static-result'; result: CheckResult }
  /** A remark about the settings or the check itself, e.g. "run settings from compose.yaml". */
  | { type: 'note'; message: string }
  /** The builder started step `step` of `total` (1-based), the learner's Dockerfile line when known. */
  | { type: 'build-step'; step: number; total: number; instruction: string; line: number | undefined }
  /** A stage of the runtime half started. */
  | { type: 'phase'; phase: 'gate' | 'building' | 'starting' | 'probing' | 'cleaning'; message: string }
  | { type: 'probe-started'; id: string; title: string; index: number; total: number }
  | { type: 'probe-result'; result: CheckResult; index: number; total: number }
  /** The last event: the whole verdict. */
  | { type: 'verdict'; verdict: ChallengeVerdict };

export type CheckEventListener = (event: CheckEvent) => void;
