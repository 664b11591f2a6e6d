/**
 * The build really used the secret it was given: the step that mounts it writes the secret's
 * SHA-256 into a receipt file of the image. Paired with `secret-absent`, this proves the
 * secret reached the build and stayed out of the image; a build that merely stops using the
 * secret (and so no longer builds what it should) fails here.
 */
import * as z from 'zod';
import { receiptVerdict } from './buildSecretReceipt.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  /** The secret's value, as the challenge's secret file holds it. */
  value: z.string().min(4),
  /** The file the build writes the fingerprint into. */
  receipt: z.string().startsWith('/'),
});

export const buildSecretUsed: Probe<z.infer<typeof params>> = {
  id: 'build-secret-used',
  title: 'The build did not use the secret it needs',
  passTitle: "The build used the secret it needs",
  fix: "Mount the secret for the RUN that needs it (`RUN --mount=type=secret,id=<id> ...`) under the id the build is given, and let that step read it from /run/secrets/<id>; never copy it anywhere.",
  item: 'secrets.build-time',
  // The broken build uses the secret too (insecurely): this proves the build still works.
  functional: true,
  params,
  async run({ execTrusted }, { value, receipt }) {
    const read = await execTrusted(['cat', receipt]);
    return receiptVerdict(read.exitCode === 0 ? read.stdout : undefined, value, receipt);
  },
};
