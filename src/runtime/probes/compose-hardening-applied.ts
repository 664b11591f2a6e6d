/**
 * A compose service's hardening (user, security_opt no-new-privileges, cap_drop, read_only with
 * tmpfs, the default seccomp profile) holds in the running container, each part observed from
 * inside: the compose file does what it says.
 */
import * as z from 'zod';
import { observeHardening } from './declaredHardening.js';
import { combinedVerdict } from './hardeningParts.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  uid: z.number().int().positive().optional(),
  gid: z.number().int().positive().optional(),
  /** Capabilities the service may keep (cap_add), e.g. NET_BIND_SERVICE. */
  allowCapabilities: z.array(z.string().min(1)).default([]),
  /** Folders (tmpfs, volumes) the app must still be able to write to. */
  writable: z.array(z.string().startsWith('/')).default(['/tmp']),
});

export const composeHardeningApplied: Probe<z.infer<typeof params>> = {
  id: 'compose-hardening-applied',
  title: "The compose service's hardening does not hold in the running container",
  passTitle: "The compose service's hardening holds in the running container",
  fix: "Set `user: \"10001:10001\"`, `read_only: true` with `tmpfs: [/tmp]`, `cap_drop: [ALL]` and `security_opt: [no-new-privileges:true]` on the service, and never `seccomp:unconfined`.",
  item: 'runtime.compose',
  params,
  async run(context, declared) {
    return combinedVerdict(await observeHardening(context, declared));
  },
};
