/**
 * The app's effective capabilities, read from /proc/1/status: every capability still held is
 * kernel privilege an attacker inherits. Docker's default set keeps fourteen (CHOWN, NET_RAW,
 * MKNOD, ...); `--cap-drop ALL` empties it.
 */
import * as z from 'zod';
import { capabilityNamesOf, normalizeCapabilityName } from './capabilityMask.js';
import { firstOutputLine } from './execOutcome.js';
import { statusField } from './procStatus.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  /** Capabilities the app may keep, e.g. NET_BIND_SERVICE for a port below 1024. */
  allow: z.array(z.string().min(1)).default([]),
  /**
   * Also require the bounding set to be within `allow`. A non-root app holds no effective
   * capabilities, yet a SUID program can regain everything left in the bounding set.
   */
  bounding: z.boolean().default(false),
});

export const capabilitiesDropped: Probe<z.infer<typeof params>> = {
  id: 'capabilities-dropped',
  title: 'The app holds capabilities beyond those it needs',
  passTitle: 'The app holds no capabilities beyond those it needs',
  fix: 'Drop every capability (cap_drop: [ALL], --cap-drop ALL, capabilities.drop: [ALL]) and add back only the ones the app needs.',
  item: 'runtime.drop-capabilities',
  observesOnly: true,
  params,
  async run({ execTrusted }, { allow, bounding }) {
    const status = await execTrusted(['cat', '/proc/1/status']);
    if (status.exitCode !== 0) return { passed: false, evidence: `could not read /proc/1/status inside the container: ${firstOutputLine(status)}` };
    const effectiveMask = statusField(status.stdout, 'CapEff');
    const boundingMask = statusField(status.stdout, 'CapBnd');
    if (effectiveMask === undefined || boundingMask === undefined) return { passed: false, evidence: '/proc/1/status has no CapEff or CapBnd line' };
    const allowed = new Set(allow.map(normalizeCapabilityName));
    const effective = capabilityNamesOf(effectiveMask);
    const boundingSet = capabilityNamesOf(boundingMask);
    const extraEffective = effective.filter((name) => !allowed.has(name));
    const extraBounding = bounding ? boundingSet.filter((name) => !allowed.has(name)) : [];
    const allowedText = allowed.size > 0 ? ` (allowed: ${[...allowed].join(', ')})` : '';
    const seen = `the app (pid 1) holds ${listOrNone(effective)} (CapEff ${effectiveMask}); its bounding set is ${listOrNone(boundingSet)} (CapBnd ${boundingMask})`;
    if (extraEffective.length > 0) return { passed: false, evidence: `${seen}; not needed: ${extraEffective.join(', ')}${allowedText}` };
    if (extraBounding.length > 0) return { passed: false, evidence: `${seen}; a SUID program could still regain ${extraBounding.join(', ')}${allowedText}` };
    return { passed: true, evidence: `${seen}${allowedText}` };
  },
};

function listOrNone(names: string[]): string {
  return names.length === 0 ? 'no capabilities' : names.join(', ');
}
