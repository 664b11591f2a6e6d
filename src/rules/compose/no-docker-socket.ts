/**
 * A container engine's API socket mounted into a service. Whoever can talk to that socket can
 * start a privileged container with the host's `/` mounted, so `:ro` does not help: a read-only
 * mount stops writes to the socket file, not requests through it. Covers Docker, Podman,
 * containerd, CRI-O and BuildKit sockets, in short and long volume syntax, through a named
 * volume that binds the host path, and whole directories known to hold them.
 */
import { canonicalHostPath, hostMounts } from '../../analysis/composeMounts.js';
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
    return model.services.flatMap((service) =>
      hostMounts(model, service)
        .filter((mount) => isEngineSocket(mount.hostPath))
        .map((mount) => {
          const { line, column } = model.document.positionOf(mount.path);
          const through = mount.namedVolume ? ` (through named volume ${mount.namedVolume})` : '';
          const readOnly = mount.readOnly ? '; read-only does not stop API calls' : '';
          return { line, column, message: `service ${service.name} mounts the engine socket ${mount.hostPath}${through}, which is root on the host${readOnly}` };
        }),
    );
  },
};

function isEngineSocket(hostPath: string): boolean {
  const canonical = canonicalHostPath(hostPath);
  return SOCKET_FILE.test(canonical.slice(canonical.lastIndexOf('/') + 1)) || SOCKET_DIRECTORIES.has(canonical);
}
