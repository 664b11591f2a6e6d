/**
 * No shell in the image: an attacker who gets code execution cannot simply run commands, and a
 * distroless image has none. BusyBox counts too: `busybox sh` is a shell under another name.
 */
import * as z from 'zod';
import { runnablePrograms } from './programPresence.js';
import type { Probe } from './types.js';

const SHELL_COMMANDS = [
  ['sh', '-c', 'true'],
  ['/bin/sh', '-c', 'true'],
  ['/bin/bash', '-c', 'true'],
  ['/bin/ash', '-c', 'true'],
  ['busybox', 'sh', '-c', 'true'],
];

export const noShell: Probe = {
  id: 'no-shell',
  title: 'The image has a shell',
  passTitle: 'The image has no shell',
  fix: 'Copy only the app into a final stage based on an image without a shell (distroless or scratch), and use exec-form CMD and HEALTHCHECK.',
  item: 'image.minimal-base',
  observesOnly: true,
  params: z.strictObject({}),
  async run(context) {
    const shells = await runnablePrograms(context, SHELL_COMMANDS);
    const tried = SHELL_COMMANDS.map((c) => c[0]).join(', ');
    return shells.length === 0
      ? { passed: true, evidence: `none of ${tried} could be started in the container` }
      : { passed: false, evidence: `a shell runs in the container: ${shells.map((s) => `\`${s.command}\` (${s.detail})`).join(', ')}` };
  },
};
