/**
 * A Kubernetes securityContext, applied to the container through Docker, behaves as it says:
 * runAsUser/runAsGroup, allowPrivilegeEscalation: false, capabilities.drop: [ALL], seccomp
 * RuntimeDefault and readOnlyRootFilesystem, each observed from inside.
 */
import * as z from 'zod';
import { observeHardening } from './declaredHardening.js';
import { combinedVerdict } from './hardeningParts.js';
import type { Probe } from './types.js';

const params = z.strictObject({
  uid: z.number().int().positive().optional(),
  gid: z.number().int().positive().optional(),
  /** Capabilities the container may keep (e.g. NET_BIND_SERVICE). */
  allowCapabilities: z.array(z.string().min(1)).default([]),
  /** Folders (emptyDir volumes) the app must still be able to write to. */
  writable: z.array(z.string().startsWith('/')).default(['/tmp']),
});

export const securityContextApplied: Probe<z.infer<typeof params>> = {
  id: 'security-context-applied',
  title: 'The securityContext does not hold in the running container',
  passTitle: "The securityContext holds in the running container",
  fix: "Set `runAsNonRoot: true`, `runAsUser`/`runAsGroup` (e.g. 10001), `seccompProfile: {type: RuntimeDefault}`, and in the container `allowPrivilegeEscalation: false`, `readOnlyRootFilesystem: true` (with an emptyDir at /tmp) and `capabilities: {drop: [\"ALL\"]}`.",
  item: 'k8s.security-context',
  params,
  async run(context, declared) {
    return combinedVerdict(await observeHardening(context, declared));
  },
};
