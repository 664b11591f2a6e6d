/**
 * Attack replay: an attacker with a shell in the container looks for the planted secret in the
 * files of the image and in the app's environment (/proc/1/environ), where an `ENV` secret
 * lands. This is what the inside sees; `secret-absent` also searches history and deleted layers.
 */
import * as z from 'zod';
import { execOutcome, firstOutputLine } from './execOutcome.js';
import { TOOLBOX_BUSYBOX } from '../toolbox.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  value: z.string().min(4),
});

export const attackReadBakedSecret: Probe<z.infer<typeof params>> = {
  id: 'attack-read-baked-secret',
  title: 'Attack: the secret was found from inside the container',
  passTitle: 'Attack: the secret could not be found from inside the container',
  fix: 'Take the secret out of the image: no ENV, ARG or COPY of it; pass it at build time with RUN --mount=type=secret,id=... and at run time as a mounted secret file.',
  item: 'secrets.not-in-image',
  params,
  async run({ execTrusted }, { value }) {
    const found: string[] = [];
    const environment = await execTrusted(['cat', '/proc/1/environ']);
    if (environment.exitCode === 0) {
      const names = environment.stdout
        .split('\0')
        .filter((entry) => entry.includes(value))
        .map((entry) => entry.split('=')[0]);
      for (const name of names) found.push(`the app's environment variable ${name}`);
    }
    // -xdev keeps the search off /proc (whose command lines would show our own search) and off volumes.
    const search = await execTrusted(['find', '/', '-xdev', '-type', 'f', '-size', '-10000k', '-exec', TOOLBOX_BUSYBOX, 'grep', '-lsF', '--', value, '{}', '+']);
    if (execOutcome(search) !== 'ran') {
      return found.length > 0
        ? { passed: false, evidence: `the attacker found the secret in ${found.join(', ')}` }
        : { passed: true, evidence: `the attacker had no \`find\` to search the files with (${firstOutputLine(search)}) and the app's environment does not hold the secret` };
    }
    const files = search.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    for (const file of files) found.push(`file ${file}`);
    return found.length > 0
      ? { passed: false, evidence: `the attacker, running as the app, found the secret in ${found.join(', ')}` }
      : { passed: true, evidence: "the attacker, running as the app, searched every file they could read and the app's environment and did not find the secret" };
  },
};
