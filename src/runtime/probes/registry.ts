/** Every runtime probe, by id. Challenges name probes in `checks.runtime.probes`. */
import type { Probe } from './types.js';
import { userNotRoot } from './user-not-root.js';

export const allProbes: readonly Probe[] = [userNotRoot];

const probesById = new Map(allProbes.map((probe) => [probe.id, probe]));

export function findProbe(id: string): Probe | undefined {
  return probesById.get(id);
}
