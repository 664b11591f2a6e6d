/** The compose rules. A meta-test fails when a rule file in this folder is missing here. */
import type { ComposeRule } from '../types.js';
import { cpuLimit } from './cpu-limit.js';
import { dropAllCapabilities } from './drop-all-capabilities.js';
import { memoryLimit } from './memory-limit.js';
import { noAdminPorts } from './no-admin-ports.js';
import { noDangerousCapabilities } from './no-dangerous-capabilities.js';
import { noDisabledHealthcheck } from './no-disabled-healthcheck.js';
import { noDockerSocket } from './no-docker-socket.js';
import { noExtraCapabilities } from './no-extra-capabilities.js';
import { noHostDevices } from './no-host-devices.js';
import { noHostNamespaces } from './no-host-namespaces.js';
import { noLiteralSecrets } from './no-literal-secrets.js';
import { noNewPrivileges } from './no-new-privileges.js';
import { noPrivileged } from './no-privileged.js';
import { noRootUser } from './no-root-user.js';
import { noSensitiveHostMounts } from './no-sensitive-host-mounts.js';
import { noUnconfinedProfiles } from './no-unconfined-profiles.js';
import { pidsLimit } from './pids-limit.js';
import { pinImageVersions } from './pin-image-versions.js';
import { publishOnLocalhost } from './publish-on-localhost.js';
import { readOnlyRootfs } from './read-only-rootfs.js';

/** Grouped by what they teach: host access, capabilities, confinement, limits, user, image, secrets, network. */
export const composeRules: ComposeRule[] = [
  noPrivileged,
  noDockerSocket,
  noHostNamespaces,
  noHostDevices,
  noSensitiveHostMounts,
  dropAllCapabilities,
  noDangerousCapabilities,
  noExtraCapabilities,
  noNewPrivileges,
  noUnconfinedProfiles,
  readOnlyRootfs,
  memoryLimit,
  pidsLimit,
  cpuLimit,
  noRootUser,
  noDisabledHealthcheck,
  pinImageVersions,
  noLiteralSecrets,
  publishOnLocalhost,
  noAdminPorts,
];
