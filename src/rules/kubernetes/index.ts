/**
 * The kubernetes rules. A meta-test fails when a rule file in this folder is missing here.
 * `kubernetesRules` run by default; the Pod Security Standards controls (`pss-*`) repeat several
 * curriculum rules in the words of the standard, so they run only when a profile asks for them
 * (see ../profiles.ts).
 */
import { dropAllCapabilities } from './drop-all-capabilities.js';
import { etcdEncryption } from './etcd-encryption.js';
import { ingressTls } from './ingress-tls.js';
import { namespacePodSecurity } from './namespace-pod-security.js';
import { namespaceRestricted } from './namespace-restricted.js';
import { networkPolicyAllowAll } from './network-policy-allow-all.js';
import { networkPolicyDefaultDeny } from './network-policy-default-deny.js';
import { networkPolicyPresent } from './network-policy-present.js';
import { noAddedCapabilities } from './no-added-capabilities.js';
import { noAutomountServiceAccountToken } from './no-automount-service-account-token.js';
import { noDockerSocket } from './no-docker-socket.js';
import { noHostNamespaces } from './no-host-namespaces.js';
import { noHostPath } from './no-host-path.js';
import { noHostPort } from './no-host-port.js';
import { noLiteralSecretEnv } from './no-literal-secret-env.js';
import { noPrivilegeEscalation } from './no-privilege-escalation.js';
import { noPrivileged } from './no-privileged.js';
import { noSecretInManifest } from './no-secret-in-manifest.js';
import { noSensitiveHostPath } from './no-sensitive-host-path.js';
import { pinImageVersions } from './pin-image-versions.js';
import { pssApparmor } from './pss-apparmor.js';
import { pssBaselineCapabilities } from './pss-baseline-capabilities.js';
import { pssBaselineSeccomp } from './pss-baseline-seccomp.js';
import { pssHostNamespaces } from './pss-host-namespaces.js';
import { pssHostPathVolumes } from './pss-host-path-volumes.js';
import { pssHostPorts } from './pss-host-ports.js';
import { pssHostProcess } from './pss-host-process.js';
import { pssPrivilegeEscalation } from './pss-privilege-escalation.js';
import { pssPrivileged } from './pss-privileged.js';
import { pssProcMount } from './pss-proc-mount.js';
import { pssRestrictedCapabilities } from './pss-restricted-capabilities.js';
import { pssRestrictedSeccomp } from './pss-restricted-seccomp.js';
import { pssRunAsNonRoot } from './pss-run-as-non-root.js';
import { pssRunAsNonRootUser } from './pss-run-as-non-root-user.js';
import { pssSelinux } from './pss-selinux.js';
import { pssSysctls } from './pss-sysctls.js';
import { pssVolumeTypes } from './pss-volume-types.js';
import { rbacNoClusterAdmin } from './rbac-no-cluster-admin.js';
import { rbacNoEscalationVerbs } from './rbac-no-escalation-verbs.js';
import { rbacNoWildcards } from './rbac-no-wildcards.js';
import { rbacSecretsAccess } from './rbac-secrets-access.js';
import { readOnlyRootFilesystem } from './read-only-root-filesystem.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { seccompRuntimeDefault } from './seccomp-runtime-default.js';
import { setCpuRequest } from './set-cpu-request.js';
import { setMemoryLimit } from './set-memory-limit.js';
import { trustedImageSource } from './trusted-image-source.js';
import type { KubernetesRule } from '../types.js';

export const kubernetesRules: KubernetesRule[] = [
  dropAllCapabilities,
  etcdEncryption,
  ingressTls,
  namespacePodSecurity,
  namespaceRestricted,
  networkPolicyAllowAll,
  networkPolicyPresent,
  networkPolicyDefaultDeny,
  noAddedCapabilities,
  noAutomountServiceAccountToken,
  noDockerSocket,
  noHostNamespaces,
  noHostPath,
  noHostPort,
  noLiteralSecretEnv,
  noPrivilegeEscalation,
  noPrivileged,
  noSecretInManifest,
  noSensitiveHostPath,
  pinImageVersions,
  rbacNoClusterAdmin,
  rbacNoEscalationVerbs,
  rbacNoWildcards,
  rbacSecretsAccess,
  readOnlyRootFilesystem,
  runAsNonRoot,
  seccompRuntimeDefault,
  setCpuRequest,
  setMemoryLimit,
  trustedImageSource,
];

/** Pod Security Standards controls, baseline first, then restricted. */
export const pssRules: KubernetesRule[] = [
  pssHostProcess,
  pssHostNamespaces,
  pssPrivileged,
  pssBaselineCapabilities,
  pssHostPathVolumes,
  pssHostPorts,
  pssApparmor,
  pssSelinux,
  pssProcMount,
  pssBaselineSeccomp,
  pssSysctls,
  pssVolumeTypes,
  pssPrivilegeEscalation,
  pssRunAsNonRoot,
  pssRunAsNonRootUser,
  pssRestrictedSeccomp,
  pssRestrictedCapabilities,
];
