/**
 * How dangerous a `hostPath` volume is. Container runtime sockets hand over the node outright;
 * some host directories hold the node's credentials or its whole filesystem; anything else is
 * still a hole in the container's isolation, but a smaller one.
 */
import { posix } from 'node:path';

export type HostPathRisk =
  | { kind: 'runtime-socket'; path: string }
  | { kind: 'sensitive'; path: string; reason: string }
  /** Code and state the node runs or trusts: dangerous to write, routine to read (monitoring agents). */
  | { kind: 'system'; path: string; reason: string }
  | { kind: 'other'; path: string };

/** Sockets (and the directories holding them) that speak a container runtime's API. */
const runtimeSockets = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/containerd',
  '/run/containerd',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/crio',
  '/run/crio',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
  '/run/podman/podman.sock',
  '/var/run/podman/podman.sock',
];

/** Directories sensitive as a whole mount, though some of their children are routine mounts. */
const sensitiveExactly: Record<string, string> = {
  '/': 'the node\'s whole filesystem',
  '/etc': 'the node\'s configuration, including its users and credentials',
  '/var': 'the node\'s state, including every container\'s data',
  '/var/lib': 'the node\'s state, including every container\'s data',
  '/var/run': 'runtime sockets such as the container runtime\'s',
  '/run': 'runtime sockets such as the container runtime\'s',
  '/usr': 'the node\'s programs',
  '/bin': 'the node\'s programs',
  '/sbin': 'the node\'s programs',
  '/lib': 'the node\'s libraries',
  '/home': 'the node\'s users\' home directories',
};

/** Directories sensitive with everything below them. */
const sensitiveTrees: Record<string, string> = {
  '/proc': 'the kernel\'s view of every process on the node',
  '/sys': 'kernel and device settings of the node',
  '/dev': 'the node\'s devices',
  '/boot': 'the node\'s kernel and boot loader',
  '/root': 'root\'s home directory on the node',
  '/etc/kubernetes': 'the node\'s Kubernetes credentials and static pod manifests',
  '/etc/shadow': 'the node\'s password hashes',
  '/etc/sudoers': 'who may become root on the node',
  '/etc/ssh': 'the node\'s SSH keys and configuration',
  '/var/lib/kubelet': 'the kubelet\'s credentials and every pod\'s secrets on the node',
  '/var/lib/docker': 'every container\'s filesystem on the node',
  '/var/lib/containerd': 'every container\'s filesystem on the node',
  '/var/lib/etcd': 'the cluster\'s database, Secrets included',
};

/** Trees the node executes or trusts; read-only mounts of them are how node agents work. */
const systemTrees: Record<string, string> = {
  '/lib/modules': 'kernel modules the node loads',
  '/usr/src': 'kernel headers and sources the node builds modules from',
  '/usr/lib': 'the node\'s libraries',
  '/usr/local': 'software installed on the node',
  '/lib64': 'the node\'s libraries',
  '/opt': 'software installed on the node',
  '/var/log': 'the node\'s logs (forged or deleted entries hide an attack)',
};

/**
 * @example classifyHostPath('/var/run/docker.sock').kind // 'runtime-socket'
 * @example classifyHostPath('/etc/').kind                // 'sensitive'
 * @example classifyHostPath('/var/log').kind             // 'system'
 * @example classifyHostPath('/srv/data').kind            // 'other'
 */
export function classifyHostPath(rawPath: string): HostPathRisk {
  const path = normalise(rawPath);
  if (runtimeSockets.includes(path)) return { kind: 'runtime-socket', path };
  const exact = sensitiveExactly[path];
  if (exact) return { kind: 'sensitive', path, reason: exact };
  for (const [tree, reason] of Object.entries(sensitiveTrees)) {
    if (path === tree || path.startsWith(`${tree}/`)) return { kind: 'sensitive', path, reason };
  }
  for (const [tree, reason] of Object.entries(systemTrees)) {
    if (path === tree || path.startsWith(`${tree}/`)) return { kind: 'system', path, reason };
  }
  return { kind: 'other', path };
}

/** `/etc/`, `//etc`, `/var/run/../etc` all name `/etc`: a trailing slash must not dodge the check. */
function normalise(path: string): string {
  const normalised = posix.normalize(`/${path.trim()}`);
  return normalised.length > 1 && normalised.endsWith('/') ? normalised.slice(0, -1) : normalised;
}
