/**
 * The process inside the running container must not be uid 0. Asked from inside, with `id`,
 * because that is what an attacker who gets a shell would see.
 */
import { z } from 'zod';
import type { Probe } from './types.js';

export const userNotRoot: Probe = {
  id: 'user-not-root',
  title: 'The container process runs as root',
  passTitle: 'The container process is not root',
  fix: 'Run as an unprivileged user with a fixed uid and gid: USER 10001:10001 in the Dockerfile, user: "10001:10001" in compose, runAsUser and runAsGroup in Kubernetes.',
  item: 'runtime.non-root',
  params: z.strictObject({}),
  async run({ exec }) {
    const uid = await exec(['id', '-u']);
    if (uid.exitCode !== 0) {
      return { passed: false, evidence: `could not run \`id -u\` inside the container (exit ${uid.exitCode}): ${uid.stderr.trim() || 'no output'}` };
    }
    const value = uid.stdout.trim();
    const full = await exec(['id']);
    const detail = full.exitCode === 0 ? ` (${full.stdout.trim()})` : '';
    return value === '0'
      ? { passed: false, evidence: `\`id -u\` inside the container printed 0: it runs as root${detail}` }
      : { passed: true, evidence: `\`id -u\` inside the container printed ${value}${detail}` };
  },
};
