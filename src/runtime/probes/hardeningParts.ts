/**
 * Several probes judged as one: "the settings of this file behave as declared" is the sum of
 * the user, no-new-privileges, capability, seccomp and read-only checks. Pure aggregation, so
 * a composite probe's verdict lists every part that held and every part that did not.
 */

export interface PartVerdict {
  /** What the part checks, in a few words: `non-root user`. */
  part: string;
  passed: boolean;
  evidence: string;
}

export function combinedVerdict(parts: readonly PartVerdict[]): { passed: boolean; evidence: string } {
  const failed = parts.filter((p) => !p.passed);
  const held = parts.filter((p) => p.passed);
  if (failed.length === 0) return { passed: true, evidence: held.map((p) => `${p.part}: ${p.evidence}`).join('; ') };
  const heldText = held.length > 0 ? ` (held: ${held.map((p) => p.part).join(', ')})` : '';
  return { passed: false, evidence: `${failed.map((p) => `${p.part}: ${p.evidence}`).join('; ')}${heldText}` };
}
