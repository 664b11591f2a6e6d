/** Every runtime probe, by id. Challenges name probes in `checks.runtime.probes`. */
import type { AnyProbe } from './types.js';
import { userNotRoot } from './user-not-root.js';

export const allProbes: readonly AnyProbe[] = [userNotRoot];

const probesById = new Map(allProbes.map((probe) => [probe.id, probe]));

export function findProbe(id: string): AnyProbe | undefined {
  return probesById.get(id);
}

/** Checks a probe's `with:` parameters; the message names the first problem. */
export function probeParamsError(probe: AnyProbe, params: Record<string, unknown>): string | undefined {
  const result = probe.params.safeParse(params);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return issue ? `${issue.path.length > 0 ? `with.${issue.path.join('.')}: ` : 'with: '}${issue.message}` : 'invalid parameters';
}
