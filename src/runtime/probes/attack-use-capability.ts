/**
 * Attack replay: with the app's rights, do things only a capability allows: hand a file to
 * another user (CHOWN), read a file nobody may read (DAC_OVERRIDE), create a device node
 * (MKNOD), send raw packets (NET_RAW), switch user (SETUID), change root (SYS_CHROOT). Docker's
 * default set grants all of these to root; `--cap-drop ALL` or a non-root user takes them away.
 * Passes when every attempt beyond the allowed capabilities is refused.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import type { ExecResult } from '../container.js';
import { normalizeCapabilityName } from './capabilityMask.js';
import { execOutcome, firstOutputLine } from './execOutcome.js';
import { TOOLBOX_BUSYBOX } from '../toolbox.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  allow: z.array(z.string().min(1)).default([]),
  /** A folder any user can write in, even with a read-only root filesystem. */
  scratch: z.string().startsWith('/').default('/dev/shm'),
});

interface CapabilityAttempt {
  capability: string;
  action: string;
  /** Commands run first; their failure means the attempt could not be set up. */
  setup: string[][];
  attempt: string[];
}

function attemptsIn(base: string): CapabilityAttempt[] {
  return [
    { capability: 'CHOWN', action: 'give a file to another user with `chown`', setup: [['touch', `${base}-own`]], attempt: ['chown', '4242:4242', `${base}-own`] },
    { capability: 'DAC_OVERRIDE', action: 'read a file with mode 000', setup: [['touch', `${base}-locked`], ['chmod', '000', `${base}-locked`]], attempt: ['cat', `${base}-locked`] },
    { capability: 'MKNOD', action: 'create a device node with `mknod`', setup: [], attempt: ['mknod', `${base}-dev`, 'c', '1', '3'] },
    { capability: 'NET_RAW', action: 'open a raw socket with `ping`', setup: [], attempt: ['ping', '-c', '1', '-W', '1', '127.0.0.1'] },
    { capability: 'SETUID', action: 'switch to another user with `su`', setup: [], attempt: ['su', '-s', TOOLBOX_BUSYBOX, 'nobody'] },
    { capability: 'SYS_CHROOT', action: 'change the root folder with `chroot`', setup: [], attempt: ['chroot', '/', TOOLBOX_BUSYBOX, 'true'] },
  ];
}

export const attackUseCapability: Probe<z.infer<typeof params>> = {
  id: 'attack-use-capability',
  title: 'Attack: kernel capabilities the app does not need were used',
  passTitle: 'Attack: kernel capabilities the app does not need were refused',
  fix: 'Drop every capability (cap_drop: [ALL], --cap-drop ALL, capabilities.drop: [ALL]) and add back only what the app needs, usually nothing.',
  item: 'runtime.drop-capabilities',
  params,
  async run({ execTrusted }, { allow, scratch }) {
    // Every attempt runs shipshape's busybox applet, never the image's program of that name.
    const exec = (cmd: string[]) => execTrusted(cmd);
    const allowed = new Set(allow.map(normalizeCapabilityName));
    const worked: string[] = [];
    const refused: string[] = [];
    const untested: string[] = [];
    const base = `${scratch}/.shipshape-cap-${randomBytes(4).toString('hex')}`;
    for (const attempt of attemptsIn(base).filter((a) => !allowed.has(a.capability))) {
      const outcome = await tryAttempt(exec, attempt);
      const label = `${attempt.action} (${attempt.capability})`;
      if (outcome.kind === 'worked') worked.push(label);
      else if (outcome.kind === 'refused') refused.push(`${label}: ${outcome.detail}`);
      else untested.push(`${label}: ${outcome.detail}`);
    }
    await exec(['rm', '-f', `${base}-own`, `${base}-locked`, `${base}-dev`]);
    const rest = [refused.length ? `refused: ${refused.join('; ')}` : '', untested.length ? `not tried: ${untested.join('; ')}` : ''].filter(Boolean).join('; ');
    if (worked.length > 0) return { passed: false, evidence: `the attacker, running as the app, could ${worked.join(', ')}${rest ? `; ${rest}` : ''}` };
    if (refused.length === 0) return { passed: true, evidence: `no capability attack could be tried in this image; ${rest}` };
    return { passed: true, evidence: `every capability attack was refused; ${rest}` };
  },
};

async function tryAttempt(exec: (cmd: string[]) => Promise<ExecResult>, attempt: CapabilityAttempt): Promise<{ kind: 'worked' | 'refused' | 'untested'; detail: string }> {
  for (const step of attempt.setup) {
    const result = await exec(step);
    if (result.exitCode !== 0) return { kind: 'untested', detail: `\`${step.join(' ')}\` failed: ${firstOutputLine(result)}` };
  }
  const result = await exec(attempt.attempt);
  if (execOutcome(result) !== 'ran') return { kind: 'untested', detail: `no \`${attempt.attempt[0]}\` in shipshape's busybox` };
  return result.exitCode === 0 ? { kind: 'worked', detail: '' } : { kind: 'refused', detail: firstOutputLine(result) };
}
