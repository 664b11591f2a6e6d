/** The edge where a check's verdict becomes progress on disk: `check`, `watch` and the TUI call it. */
import type { Challenge } from '../content/schema.js';
import { verdictSummary, type RunnerVerdict } from '../watch/checkRunner.js';
import { recordCheck } from './progress.js';
import { progressFile, updateProgress, type ProgressRead } from './store.js';

export function recordVerdict(challenge: Challenge, verdict: RunnerVerdict, staticOnly: boolean, file: string = progressFile()): ProgressRead | undefined {
  // A cancelled check proved nothing either way.
  if (verdict.cancelled) return undefined;
  return updateProgress((progress) => recordCheck(progress, challenge.id, verdictSummary(challenge, verdict, staticOnly), new Date().toISOString()), file);
}
