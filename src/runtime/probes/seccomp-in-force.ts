/**
 * Docker's default seccomp profile is in force in the running container: the kernel reports a
 * filter for a process started in it, and a syscall the profile blocks is refused. Both are
 * asked with shipshape's trusted tools, so an image cannot fake the answer.
 */
import * as z from 'zod';
import { seccompVerdict } from './seccompStatus.js';
import type { Probe } from './types.js';

export const seccompInForce: Probe = {
  id: 'seccomp-in-force',
  title: 'The container runs without the default seccomp profile',
  passTitle: "The container runs under the default seccomp profile",
  fix: "Remove `seccomp:unconfined` (compose `security_opt`, `docker run --security-opt`) or `seccompProfile: {type: Unconfined}`; in Kubernetes ask for `seccompProfile: {type: RuntimeDefault}` at pod level.",
  item: 'runtime.seccomp-lsm',
  params: z.strictObject({}),
  async run({ execTrusted }) {
    const status = await execTrusted(['cat', '/proc/self/status']);
    const blocked = await execTrusted(['unshare', '-U', 'true']);
    return seccompVerdict({
      statusText: status.exitCode === 0 ? status.stdout : undefined,
      blockedCall: { exitCode: blocked.exitCode, output: `${blocked.stderr}${blocked.stdout}` },
    });
  },
};
