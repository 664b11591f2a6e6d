/**
 * The process inside the running container must not be uid 0. Asked from inside, with `id`,
 * because that is what an attacker who gets a shell would see, and read from the kernel's
 * report on the main process (/proc/1/status), because a SUID entrypoint can make the process
 * root whatever user the container was given. Both are asked with shipshape's own busybox: an
 * image's `id` could print anything.
 */
import * as z from 'zod';
import { statusUids } from './procStatus.js';
import type { Probe } from './types.js';

export const userNotRoot: Probe = {
  id: 'user-not-root',
  title: 'The container process runs as root',
  passTitle: 'The container process is not root',
  fix: 'Run as an unprivileged user with a fixed uid and gid: USER 10001:10001 in the Dockerfile, user: "10001:10001" in compose, runAsUser and runAsGroup in Kubernetes.',
  item: 'runtime.non-root',
  observesOnly: true,
  params: z.strictObject({}),
  async run({ execTrusted }) {
    const uid = await execTrusted(['id', '-u']);
    if (uid.exitCode !== 0) {
      return { passed: false, evidence: `could not run \`id -u\` inside the container (exit ${uid.exitCode}): ${uid.stderr.trim() || 'no output'}` };
    }
    const value = uid.stdout.trim();
    const full = await execTrusted(['id']);
    const detail = full.exitCode === 0 ? ` (${full.stdout.trim()})` : '';
    if (value === '0') return { passed: false, evidence: `\`id -u\` inside the container printed 0: it runs as root${detail}` };
    const status = await execTrusted(['cat', '/proc/1/status']);
    const mainProcess = status.exitCode === 0 ? statusUids(status.stdout) : undefined;
    if (mainProcess && mainProcess.effective === 0) {
      return { passed: false, evidence: `\`id -u\` inside the container printed ${value}${detail}, but the kernel reports the main process (pid 1) with effective uid 0: it runs as root` };
    }
    const kernel = mainProcess ? `; the kernel reports the main process with uid ${mainProcess.effective}` : '';
    return { passed: true, evidence: `\`id -u\` inside the container printed ${value}${detail}${kernel}` };
  },
};
