/**
 * The checklist shipshape teaches, by stable id. The ids come from docs/curriculum.md (a copy of
 * the shared curriculum); lessons, challenges and rules name these ids, so coverage is counted
 * against this list. A test keeps it in step with the Markdown.
 */

export const curriculumSections = {
  threat: 'Threat model',
  image: 'Images and supply chain',
  secrets: 'Secrets',
  runtime: 'Runtime hardening',
  host: 'Docker daemon and host',
  k8s: 'Kubernetes',
  network: 'Network',
  response: 'Detection, response, recovery',
  pipeline: 'Pipeline',
} as const;

export const curriculumItems = {
  'threat.shared-kernel': 'Containers share the host kernel',
  'threat.escape-path': 'The path of a container escape',
  'threat.escape-enablers': 'What makes an escape easier',
  'threat.model': 'Assets, attackers and risks',
  'image.minimal-base': 'Minimal base images',
  'image.multi-stage': 'Multi-stage builds',
  'image.pin-versions': 'Pinned base image versions',
  'image.copy-only-needed': 'Copy only what is needed',
  'image.no-suid': 'No SUID/SGID binaries',
  'image.healthcheck': 'HEALTHCHECK',
  'image.expose': 'Explicit EXPOSE',
  'image.scanning': 'Image scanning',
  'image.sbom': 'Software bill of materials',
  'image.signing': 'Signing and verification',
  'image.trusted-sources': 'Trusted image sources',
  'secrets.not-in-image': 'No secrets baked into images',
  'secrets.build-time': 'Build-time secrets without layers',
  'secrets.runtime-delivery': 'Delivering secrets at runtime',
  'secrets.hygiene': 'Secret hygiene',
  'runtime.non-root': 'Run as non-root',
  'runtime.read-only-rootfs': 'Read-only root filesystem',
  'runtime.drop-capabilities': 'Drop all capabilities',
  'runtime.no-new-privileges': 'No new privileges',
  'runtime.resource-limits': 'Resource limits',
  'runtime.no-docker-socket': 'No Docker socket, no privileged mode, no host namespaces',
  'runtime.seccomp-lsm': 'Seccomp, AppArmor and SELinux',
  'runtime.compose': 'Hardening in compose files',
  'host.rootless': 'Rootless Docker',
  'host.benchmarks': 'Host benchmarks',
  'k8s.security-context': 'Pod and container securityContext',
  'k8s.resources': 'Resource requests and limits',
  'k8s.secrets': 'Kubernetes Secrets',
  'k8s.network-policy': 'NetworkPolicy',
  'k8s.rbac': 'RBAC',
  'k8s.admission': 'Admission and policy',
  'k8s.control-plane': 'API server and etcd',
  'network.ports': 'Close unneeded ports',
  'network.tls': 'TLS between services',
  'response.detection': 'Runtime detection',
  'response.playbook': 'Incident playbook',
  'pipeline.runners': 'Isolated build runners',
} as const;

export type CurriculumItemId = keyof typeof curriculumItems;

export const curriculumItemIds = Object.keys(curriculumItems) as CurriculumItemId[];

export function isCurriculumItemId(value: string): value is CurriculumItemId {
  return Object.hasOwn(curriculumItems, value);
}
