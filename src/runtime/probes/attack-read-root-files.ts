/**
 * Attack replay: read /etc/shadow, the password hashes, which only root (and the root group) may
 * read. An app running as root reads it; so does an app with `USER 10001` but no group, since it
 * then keeps group 0. Passes when the read is refused or the file does not exist.
 */
import * as z from 'zod';
import { firstOutputLine } from './execOutcome.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  path: z.string().startsWith('/').default('/etc/shadow'),
});

export const attackReadRootFiles: Probe<z.infer<typeof params>> = {
  id: 'attack-read-root-files',
  title: "Attack: root's files such as /etc/shadow were read",
  passTitle: "Attack: root's files such as /etc/shadow could not be read",
  fix: "Run as an unprivileged user with its own fixed uid and gid (USER 10001:10001, or user: \"10001:10001\", or runAsUser and runAsGroup), so neither root's uid nor root's group is left.",
  item: 'runtime.non-root',
  params,
  async run({ execTrusted }, { path }) {
    const who = await execTrusted(['id']);
    const identity = who.exitCode === 0 ? who.stdout.trim() : 'an unknown user';
    const read = await execTrusted(['cat', path]);
    if (read.exitCode === 0) {
      const lines = read.stdout.split('\n').filter((l) => l.trim() !== '').length;
      return { passed: false, evidence: `the attacker, running as the app (${identity}), read ${path} (${lines} lines)` };
    }
    return { passed: true, evidence: `the attacker, running as the app (${identity}), could not read ${path}: ${firstOutputLine(read)}` };
  },
};
