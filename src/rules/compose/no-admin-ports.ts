/**
 * Publishing SSH (22) or the Docker API (2375 plain, 2376 TLS), on either side of the mapping
 * (`"2222:22"` still means an SSH daemon in the container) and inside ranges
 * (`"2370-2380:2370-2380"`). Reported on any interface: on loopback the Docker API is still
 * root for every local user and process.
 */
import { publishedPorts, rangeIncludes } from '../../analysis/composePorts.js';
import type { ComposeRule } from '../types.js';

const ADMIN_PORTS: ReadonlyMap<number, string> = new Map([
  [22, 'SSH: a container should be reached with `docker exec`, not an SSH daemon'],
  [2375, 'the Docker API without TLS, which is unauthenticated root on the host'],
  [2376, 'the Docker API, which is root on the host to anyone holding a client certificate'],
]);

export const noAdminPorts: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-admin-ports',
    severity: 'error',
    title: 'A service publishes SSH or the Docker API',
    passTitle: 'No service publishes SSH or the Docker API',
    why:
      'Port 2375 is the Docker API without authentication: anyone who reaches it runs a privileged container ' +
      'and owns the host, and internet scanners look for it constantly. Port 2376 is the same API behind ' +
      'client certificates, one leaked key away. SSH in a container adds a second way in, with its own ' +
      'passwords or keys to steal, to something that should only ever run your app.',
    fix:
      'Remove the port from `ports:`. Get a shell with `docker compose exec <service> sh` instead of SSH; reach ' +
      'a remote Docker engine over `ssh://` contexts instead of publishing its API.',
    item: 'network.ports',
    references: ['cis-docker:5.6'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      publishedPorts(service).flatMap((port) => {
        const hit = [...ADMIN_PORTS].find(([number]) => rangeIncludes(port.published, number) || rangeIncludes(port.target, number));
        if (!hit) return [];
        const { line, column } = model.document.positionOf(port.path);
        return [{ line, column, message: `port \`${port.written}\` of service ${service.name} exposes port ${hit[0]}, ${hit[1]}` }];
      }),
    );
  },
};
