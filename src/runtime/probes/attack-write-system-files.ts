/**
 * Attack replay: with the app's rights, plant files where they would change the system or the
 * app itself (/etc, /bin, the app's own folder): the first step of tampering with a container
 * or keeping a foothold in it. Passes when every write is refused.
 */
import * as z from 'zod';
import type { Probe } from './types.js';
import { tryCreateFile } from './writeAttempt.js';

const params = z.strictObject({
  /** Folders to attack; the image's WORKDIR is added when it has one. */
  paths: z.array(z.string().startsWith('/')).default(['/etc', '/bin', '/']),
});

export const attackWriteSystemFiles: Probe<z.infer<typeof params>> = {
  id: 'attack-write-system-files',
  title: 'Attack: files were planted in system folders or the app',
  passTitle: 'Attack: no file could be planted in system folders or the app',
  fix: 'Run as an unprivileged user that owns nothing it serves, and make the root filesystem read-only with a tmpfs only where the app writes.',
  item: 'runtime.read-only-rootfs',
  params,
  async run(context, { paths }) {
    const workdir = context.image.Config.WorkingDir;
    const targets = [...new Set([...paths, ...(workdir && workdir !== '/' ? [workdir] : [])])];
    const written: string[] = [];
    const refused: string[] = [];
    for (const folder of targets) {
      const attempt = await tryCreateFile((cmd) => context.execTrusted(cmd), folder);
      if (attempt.kind === 'untestable') return { passed: true, evidence: `the attacker could not even try: ${attempt.reason}` };
      if (attempt.kind === 'written') written.push(folder);
      else refused.push(`${folder} (${attempt.reason})`);
    }
    const refusedText = refused.length > 0 ? `refused: ${refused.join(', ')}` : '';
    return written.length === 0
      ? { passed: true, evidence: `the attacker, running as the app, could not create files anywhere they tried; ${refusedText}` }
      : { passed: false, evidence: `the attacker, running as the app, created files in ${written.join(', ')} (removed again)${refusedText ? `; ${refusedText}` : ''}` };
  },
};
