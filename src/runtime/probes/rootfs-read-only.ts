/**
 * A read-only root filesystem: nothing can be written to / or /etc, even by root, while the
 * folders the app needs (a tmpfs at /tmp, a volume) stay writable. The write to / is tried as
 * root on purpose: as a non-root user it would fail for lack of permission on a writable
 * filesystem and prove nothing about the filesystem itself.
 */
import * as z from 'zod';
import type { Probe } from './types.js';
import { tryCreateFile } from './writeAttempt.js';

const params = z.strictObject({
  /** Folders the app must still be able to write to, as the container's own user. */
  writable: z.array(z.string().startsWith('/')).default(['/tmp']),
});

export const rootfsReadOnly: Probe<z.infer<typeof params>> = {
  id: 'rootfs-read-only',
  title: 'The root filesystem is writable, or the app cannot write where it needs to',
  passTitle: 'The root filesystem is read-only and the app can still write where it needs to',
  fix: 'Set read_only: true (--read-only, readOnlyRootFilesystem: true) and give the app a tmpfs or volume only where it writes, such as /tmp.',
  item: 'runtime.read-only-rootfs',
  params,
  async run(context, { writable }) {
    const problems: string[] = [];
    const observations: string[] = [];
    for (const folder of ['/', '/etc']) {
      const attempt = await tryCreateFile((cmd) => context.execTrusted(cmd, { user: '0' }), folder);
      if (attempt.kind === 'untestable') return { passed: false, evidence: `could not test writing to ${folder}: ${attempt.reason}` };
      if (attempt.kind === 'written') problems.push(`root could create a file in ${folder}`);
      else observations.push(`writing to ${folder} as root failed (${attempt.reason})`);
    }
    for (const folder of writable) {
      const attempt = await tryCreateFile((cmd) => context.execTrusted(cmd), folder);
      if (attempt.kind === 'untestable') return { passed: false, evidence: `could not test writing to ${folder}: ${attempt.reason}` };
      if (attempt.kind === 'refused') problems.push(`the app cannot write to ${folder}, which it needs (${attempt.reason})`);
      else observations.push(`the app can still write to ${folder}`);
    }
    const seen = observations.join('; ');
    return problems.length === 0
      ? { passed: true, evidence: seen }
      : { passed: false, evidence: `${problems.join('; ')}${seen ? `; ${seen}` : ''}` };
  },
};
