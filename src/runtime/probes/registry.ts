/** Every runtime probe, by id. Challenges name probes in `checks.runtime.probes`. */
import { appWorks } from './app-works.js';
import { attackForkFlood } from './attack-fork-flood.js';
import { attackReadBakedSecret } from './attack-read-baked-secret.js';
import { attackReadRootFiles } from './attack-read-root-files.js';
import { attackRunDroppedBinary } from './attack-run-dropped-binary.js';
import { attackSuidEscalation } from './attack-suid-escalation.js';
import { attackUseCapability } from './attack-use-capability.js';
import { attackWriteSystemFiles } from './attack-write-system-files.js';
import { capabilitiesDropped } from './capabilities-dropped.js';
import { filesAbsent } from './files-absent.js';
import { groupNotRoot } from './group-not-root.js';
import { healthy } from './healthy.js';
import { imageSize } from './image-size.js';
import { noNewPrivileges } from './no-new-privileges.js';
import { noPackageManager } from './no-package-manager.js';
import { noShell } from './no-shell.js';
import { noSuidFiles } from './no-suid-files.js';
import { resourceLimits } from './resource-limits.js';
import { rootfsReadOnly } from './rootfs-read-only.js';
import { secretAbsent } from './secret-absent.js';
import type { AnyProbe } from './types.js';
import { buildSecretUsed } from './build-secret-used.js';
import { buildToolsLeftBehind } from './build-tools-left-behind.js';
import { composeHardeningApplied } from './compose-hardening-applied.js';
import { exposedPortsMatch } from './exposed-ports-match.js';
import { podResourcesApplied } from './pod-resources-applied.js';
import { seccompInForce } from './seccomp-in-force.js';
import { securityContextApplied } from './security-context-applied.js';
import { userNotRoot } from './user-not-root.js';

export const allProbes: readonly AnyProbe[] = [
  // The app still does its job.
  appWorks,
  // What the container runs with.
  userNotRoot,
  groupNotRoot,
  capabilitiesDropped,
  noNewPrivileges,
  rootfsReadOnly,
  resourceLimits,
  // What the image holds.
  healthy,
  imageSize,
  noShell,
  noPackageManager,
  noSuidFiles,
  filesAbsent,
  secretAbsent,
  // Attack replays: each passes when the attack fails.
  attackWriteSystemFiles,
  attackRunDroppedBinary,
  attackUseCapability,
  attackSuidEscalation,
  attackReadRootFiles,
  attackReadBakedSecret,
  attackForkFlood,
  // Evidence for the image, secrets and Kubernetes challenges (the challenges branch).
  buildToolsLeftBehind,
  exposedPortsMatch,
  buildSecretUsed,
  seccompInForce,
  composeHardeningApplied,
  securityContextApplied,
  podResourcesApplied,
];

const probesById = new Map(allProbes.map((probe) => [probe.id, probe]));

export function findProbe(id: string): AnyProbe | undefined {
  return probesById.get(id);
}

/** Checks a probe's `with:` parameters; the message names the first problem. */
export function probeParamsError(probe: AnyProbe, params: Record<string, unknown>): string | undefined {
  const result = probe.params.safeParse(params);
  if (result.success) return undefined;
  const [issue] = result.error.issues;
  return issue ? `${issue.path.length > 0 ? `with.${issue.path.join('.')}: ` : 'with: '}${issue.message}` : 'invalid parameters';
}
