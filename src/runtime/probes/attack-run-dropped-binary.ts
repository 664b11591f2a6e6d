/**
 * Attack replay: copy a program into every folder the app can write and run it from there, the
 * way a downloaded exploit or crypto miner would be started. `cp /proc/self/exe` copies `cp`
 * itself, so any image with `cp` offers a real binary to drop. A read-only root filesystem
 * with `noexec` tmpfs mounts (Docker's default for `--tmpfs`) stops it.
 */
import { randomBytes } from 'node:crypto';
import * as z from 'zod';
import { execOutcome, firstOutputLine } from './execOutcome.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  /** Folders to try; the image's WORKDIR is added when it has one. */
  paths: z.array(z.string().startsWith('/')).default(['/tmp', '/var/tmp', '/dev/shm', '/run', '/']),
});

export const attackRunDroppedBinary: Probe<z.infer<typeof params>> = {
  id: 'attack-run-dropped-binary',
  title: 'Attack: a program dropped into a writable folder ran',
  passTitle: 'Attack: a program dropped into a writable folder could not run',
  fix: "Make the root filesystem read-only (read_only: true, --read-only) and mount /tmp as a tmpfs without exec (Docker's --tmpfs default is noexec; do not add exec).",
  item: 'runtime.read-only-rootfs',
  params,
  async run(context, { paths }) {
    const workdir = context.image.Config.WorkingDir;
    const targets = [...new Set([...paths, ...(workdir && workdir !== '/' ? [workdir] : [])])];
    const ran: string[] = [];
    const blocked: string[] = [];
    let droppedAnywhere = false;
    for (const folder of targets) {
      const file = `${folder.replace(/\/+$/, '')}/.shipshape-attack-${randomBytes(4).toString('hex')}`;
      const copy = await context.execTrusted(['cp', '/proc/self/exe', file]);
      if (execOutcome(copy) !== 'ran') return { passed: true, evidence: `the attacker had no \`cp\` to drop a program with (${firstOutputLine(copy)})` };
      if (copy.exitCode !== 0) {
        blocked.push(`${folder}: cannot write (${firstOutputLine(copy)})`);
        continue;
      }
      droppedAnywhere = true;
      const started = await context.exec([file, '--help']);
      const outcome = execOutcome(started);
      if (outcome === 'ran') ran.push(folder);
      else blocked.push(`${folder}: written but not executable (${outcome === 'not-executable' ? 'permission denied, a noexec mount' : firstOutputLine(started)})`);
      await context.execTrusted(['rm', '-f', file]);
    }
    if (ran.length > 0) return { passed: false, evidence: `the attacker dropped a program and ran it from ${ran.join(', ')} (removed again)${blocked.length ? `; elsewhere: ${blocked.join('; ')}` : ''}` };
    return { passed: true, evidence: `no dropped program could run${droppedAnywhere ? '' : ' (nothing could even be written)'}: ${blocked.join('; ')}` };
  },
};
