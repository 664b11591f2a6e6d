/**
 * No SUID or SGID files: such a program runs with its owner's rights whoever starts it, which is
 * how an unprivileged foothold becomes root. Searched as root so unreadable folders hide nothing;
 * `-xdev` keeps the search on the image's own filesystem (not /proc, not mounted volumes).
 */
import * as z from 'zod';
import { firstOutputLine } from './execOutcome.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  /** Absolute paths that may keep their bit. */
  allow: z.array(z.string().startsWith('/')).default([]),
});

export const noSuidFiles: Probe<z.infer<typeof params>> = {
  id: 'no-suid-files',
  title: 'The image has SUID or SGID files',
  passTitle: 'No SUID or SGID files in the image',
  fix: 'Strip the bits in the final stage: RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +',
  item: 'image.no-suid',
  observesOnly: true,
  params,
  async run(context, { allow }) {
    let search = await context.execTrusted(['find', '/', '-xdev', '-perm', '/6000', '-type', 'f'], { user: '0' });
    // Older finds do not know `-perm /mode`; the two-test form means the same.
    if (search.exitCode !== 0 && search.stdout.trim() === '' && /perm|invalid|unknown/i.test(search.stderr)) {
      search = await context.execTrusted(['find', '/', '-xdev', '-type', 'f', '(', '-perm', '-4000', '-o', '-perm', '-2000', ')'], { user: '0' });
    }
    const files = search.stdout.split('\n').map((l) => l.trim()).filter((l) => l !== '');
    if (search.exitCode !== 0 && files.length === 0) return { passed: false, evidence: `could not search the image with \`find\`: ${firstOutputLine(search)}` };
    const allowed = new Set(allow);
    const unexpected = files.filter((f) => !allowed.has(f));
    const allowedSeen = files.filter((f) => allowed.has(f));
    const note = allowedSeen.length > 0 ? ` (allowed: ${allowedSeen.join(', ')})` : '';
    return unexpected.length === 0
      ? { passed: true, evidence: `\`find / -xdev -perm /6000 -type f\` found no SUID or SGID file${note}` }
      : { passed: false, evidence: `SUID or SGID files in the image: ${unexpected.join(', ')}${note}` };
  },
};
