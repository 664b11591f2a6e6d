/**
 * Files that should never reach an image (`.env`, `.git`, keys, `node_modules` copied from the
 * host) are absent. Asked through the engine's archive API rather than an exec, so it works in
 * images without a shell or `ls`.
 */
import path from 'node:path';
import * as z from 'zod';
import type { Probe, ProbeContext } from './types.js';

const params = z.strictObject({
  paths: z.array(z.string().min(1)).default(['.env', '.git', 'node_modules', 'id_rsa', '.npmrc']),
  /** Folder the relative paths start from; the image's WORKDIR when omitted, else `/`. */
  root: z.string().startsWith('/').optional(),
});

export const filesAbsent: Probe<z.infer<typeof params>> = {
  id: 'files-absent',
  title: 'Files that do not belong in the image are in it',
  passTitle: 'Files that do not belong in the image are absent',
  fix: 'Copy only what the app needs (name the files in COPY) and list the rest in .dockerignore.',
  item: 'image.copy-only-needed',
  observesOnly: true,
  params,
  async run(context, { paths, root }) {
    const base = root ?? (context.image.Config.WorkingDir || '/');
    const targets = paths.map((p) => path.posix.resolve(base, p));
    const present: string[] = [];
    for (const target of targets) {
      if (await existsInContainer(context, target)) present.push(target);
    }
    return present.length === 0
      ? { passed: true, evidence: `none of ${targets.join(', ')} is in the container` }
      : { passed: false, evidence: `found in the container: ${present.join(', ')}` };
  },
};

async function existsInContainer(context: ProbeContext, target: string): Promise<boolean> {
  try {
    // dockerode resolves with the raw HEAD response; left unread, its socket keeps the process
    // alive for minutes after the verdict. Drain it so the connection closes now.
    const response = (await context.container.infoArchive({ path: target })) as unknown as { resume?: () => void; destroy?: () => void };
    response.resume?.();
    response.destroy?.();
    return true;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return false;
    throw error;
  }
}
