/**
 * Labels on everything shipshape creates in Docker, so that leftovers of a killed run can be
 * found (by label, never by name) and removed at the next start.
 */
export const MANAGED_LABEL = 'dev.shipshape.managed';
export const OWNER_LABEL = 'dev.shipshape.owner';
export const CHALLENGE_LABEL = 'dev.shipshape.challenge';
export const SESSION_LABEL = 'dev.shipshape.session';

export function shipshapeLabels(extra: Record<string, string> = {}): Record<string, string> {
  return { [MANAGED_LABEL]: 'true', [OWNER_LABEL]: String(process.pid), ...extra };
}
