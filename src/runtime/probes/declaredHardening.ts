/**
 * The hardening a compose service or a Kubernetes securityContext declares, observed in the
 * running container: a non-root uid and gid, NoNewPrivs, no capabilities, the default seccomp
 * profile and a read-only root filesystem. The composite probes built on this prove that the
 * learner's file, translated to Docker settings, behaves as it says, not only that it says so.
 */
import { capabilitiesDropped } from './capabilities-dropped.js';
import { type PartVerdict } from './hardeningParts.js';
import { noNewPrivileges } from './no-new-privileges.js';
import { rootfsReadOnly } from './rootfs-read-only.js';
import { seccompInForce } from './seccomp-in-force.js';
import type { ProbeContext } from './types.js';

export interface DeclaredHardening {
  uid?: number | undefined;
  gid?: number | undefined;
  allowCapabilities: string[];
  writable: string[];
}

export async function observeHardening(context: ProbeContext, declared: DeclaredHardening): Promise<PartVerdict[]> {
  return [
    { part: 'user and group', ...(await userAndGroup(context, declared)) },
    { part: 'no new privileges', ...(await noNewPrivileges.run(context, {})) },
    { part: 'capabilities', ...(await capabilitiesDropped.run(context, { allow: declared.allowCapabilities, bounding: false })) },
    { part: 'seccomp', ...(await seccompInForce.run(context, {})) },
    { part: 'read-only root filesystem', ...(await rootfsReadOnly.run(context, { writable: declared.writable })) },
  ];
}

async function userAndGroup(context: ProbeContext, { uid, gid }: DeclaredHardening): Promise<{ passed: boolean; evidence: string }> {
  const shown = await context.execTrusted(['id']);
  const u = await context.execTrusted(['id', '-u']);
  const g = await context.execTrusted(['id', '-g']);
  if (u.exitCode !== 0 || g.exitCode !== 0) return { passed: false, evidence: `could not run \`id\` inside the container: ${(u.stderr || g.stderr).trim() || 'no output'}` };
  const actualUid = Number(u.stdout.trim());
  const actualGid = Number(g.stdout.trim());
  const seen = `\`id\` printed ${shown.stdout.trim()}`;
  if (actualUid === 0) return { passed: false, evidence: `${seen}: the process runs as root` };
  if (actualGid === 0) return { passed: false, evidence: `${seen}: the process keeps group 0, root's group` };
  if (uid !== undefined && actualUid !== uid) return { passed: false, evidence: `${seen}, not uid ${uid} as the task asks` };
  if (gid !== undefined && actualGid !== gid) return { passed: false, evidence: `${seen}, not gid ${gid} as the task asks` };
  return { passed: true, evidence: seen };
}
