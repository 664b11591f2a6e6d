/**
 * A container engine's API socket mounted into a service. Whoever can talk to that socket can
 * start a privileged container with the host's `/` mounted, so `:ro` does not help: a read-only
 * mount stops writes to the socket file, not requests through it. Covers Docker, Podman,
 * containerd, CRI-O and BuildKit sockets, in short and long volume syntax, through a named
 * volume that binds the host path, and whole directories known to hold them; a host path set by
 * a variable counts by its default, or by its file name or target when the variable is unknown.
 */
import { posix } from 'node:path';
import { canonicalHostPath, hostMounts, unresolvedBindMounts } from '../../analysis/composeMounts.js';
import type { ComposeRule } from '../types.js';

const SOCKET_FILE = /^(docker|podman|containerd|crio|buildkitd|dockershim)\.sock(\.ttrpc)?$/;
/** Directories whose only reason to be mounted is the engine socket inside them. */
const SOCKET_DIRECTORIES = new Set(['/run/docker', '/run/containerd', '/run/podman', '/run/crio', '/run/buildkit']);

export const noDockerSocket: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-docker-socket',
    severity: 'error',
    title: 'A container engine socket is mounted into a service',
    passTitle: 'No container engine socket is mounted into a service',
    why:
      'The Docker socket is the Docker API, and the Docker API is root on the host: anyone who can reach it can ' +
      'run `docker run --privileged -v /:/host` and own the machine. An attacker who gets code execution in a ' +
      'service with the socket mounted needs no exploit at all, and mounting it read-only changes nothing, ' +
      'because API requests are not writes to the file.',
    fix:
      'Remove the socket from `volumes:`. If the service really needs to watch containers, put a filtering ' +
      'socket proxy that allows only the read-only endpoints it uses in between, and never give it to an ' +
      'internet-facing service.',
    item: 'runtime.no-docker-socket',
    references: ['cis-docker:5.31'],
  },
  check(model) {
    return model.services.flatMap((service) => {
      const hits = hostMounts(model, service)
        .filter((mount) => isEngineSocket(mount.hostPath))
        .map((mount) => {
          const { line, column } = model.document.positionOf(mount.path);
          const through = mount.namedVolume ? ` (through named volume ${mount.namedVolume})` : '';
          const readOnly = mount.readOnly ? '; read-only does not stop API calls' : '';
          return { line, column, message: `service ${service.name} mounts the engine socket ${mount.hostPath}${through}, which is root on the host${readOnly}` };
        });
      // A host path left to a variable (`${XDG_RUNTIME_DIR}/docker.sock`) is still a socket by its
      // file name, or by where it lands: nothing else is mounted at /var/run/docker.sock.
      for (const mount of unresolvedBindMounts(model, service)) {
        const byName = SOCKET_FILE.test(mount.written.slice(mount.written.lastIndexOf('/') + 1));
        const byTarget = mount.target !== undefined && isEngineSocket(normaliseContainerPath(mount.target));
        if (!byName && !byTarget) continue;
        const { line, column } = model.document.positionOf(mount.path);
        hits.push({ line, column, message: `service ${service.name} mounts ${mount.written} ${byName ? '(an engine socket by its name)' : `at ${mount.target}`}, which is the engine socket: root on the host` });
      }
      return hits;
    });
  },
};

function normaliseContainerPath(target: string): string {
  return posix.normalize(target).replace(/(.)\/$/, '$1');
}

function isEngineSocket(hostPath: string): boolean {
  const canonical = canonicalHostPath(hostPath);
  return SOCKET_FILE.test(canonical.slice(canonical.lastIndexOf('/') + 1)) || SOCKET_DIRECTORIES.has(canonical);
}
