/**
 * The container process is in no group of root's. A uid alone (`USER 10001`, `runAsUser`
 * without `runAsGroup`) leaves the process in gid 0, root's group, which can still read and
 * write every file of that group (the stand-in's /etc/shadow, in many images the app's own
 * folders). Asked from inside, with `id`, as an attacker with a shell would see it.
 */
import * as z from 'zod';
import type { Probe } from './types.js';

export const groupNotRoot: Probe = {
  id: 'group-not-root',
  title: "The container process is in root's group",
  passTitle: "The container process is in none of root's groups",
  fix: 'Name a group as well as a user: USER 10001:10001 in the Dockerfile, user: "10001:10001" in compose, runAsGroup next to runAsUser in Kubernetes.',
  item: 'runtime.non-root',
  observesOnly: true,
  params: z.strictObject({}),
  async run({ execTrusted }) {
    const primary = await execTrusted(['id', '-g']);
    const all = await execTrusted(['id', '-G']);
    if (primary.exitCode !== 0 || all.exitCode !== 0) {
      return { passed: false, evidence: `could not run \`id -g\` inside the container: ${(primary.stderr || all.stderr).trim() || 'no output'}` };
    }
    const gid = primary.stdout.trim();
    const groups = all.stdout.trim().split(/\s+/);
    if (gid === '0') return { passed: false, evidence: `\`id -g\` inside the container printed 0: the process runs in root's group, so it can read what that group may read (groups: ${groups.join(' ')})` };
    if (groups.includes('0')) return { passed: false, evidence: `\`id -G\` inside the container lists group 0 among ${groups.join(' ')}: the process is still a member of root's group` };
    return { passed: true, evidence: `\`id -g\` inside the container printed ${gid}; groups: ${groups.join(' ')}` };
  },
};
