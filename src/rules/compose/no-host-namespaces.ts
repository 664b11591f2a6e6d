/**
 * A service that joins one of the host's namespaces instead of getting its own: `network_mode`,
 * `pid`, `ipc`, `userns_mode`, `uts` or `cgroup` set to `host`. Sharing another service's
 * namespace (`network_mode: "service:db"`) stays inside the container world and is not flagged.
 */
import { ownSetting } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

/** What joining each host namespace hands an attacker inside the container. */
const HOST_NAMESPACES: ReadonlyMap<string, string> = new Map([
  ['network_mode', "sees and binds the host's interfaces, including services listening only on the host's localhost"],
  ['pid', "sees every host process, and with ptrace rights can read their memory"],
  ['ipc', "shares the host's shared memory and semaphores with every other process on it"],
  ['userns_mode', "opts out of user-namespace remapping, so its root is the host's root"],
  ['uts', "can change the host's hostname"],
  ['cgroup', "sees the host's cgroup tree"],
]);

export const noHostNamespaces: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-host-namespaces',
    severity: 'error',
    title: "A service shares one of the host's namespaces",
    passTitle: "No service shares one of the host's namespaces",
    why:
      'Namespaces are what make a container a separate world: its own processes, network and IPC. A service ' +
      "with `pid: host` sees and can signal every process on the machine, one with `network_mode: host` reaches " +
      "every service bound to the host's localhost (often admin ports and metadata endpoints nobody meant to " +
      'expose), and `ipc: host` shares memory segments with host processes. Each one is a door an attacker ' +
      'walks through after taking over the service.',
    fix:
      'Delete the `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `uts: host` or ' +
      '`cgroup: host` line. Publish the ports the service needs with `ports:` instead of host networking, and ' +
      'let services talk over a compose network.',
    item: 'runtime.no-docker-socket',
    references: ['cis-docker:5.9', 'cis-docker:5.15', 'cis-docker:5.16', 'cis-docker:5.20', 'cis-docker:5.30'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      [...HOST_NAMESPACES].flatMap(([key, consequence]) => {
        const setting = ownSetting(service, [key]);
        if (typeof setting?.value !== 'string' || setting.value.trim().toLowerCase() !== 'host') return [];
        const { line, column } = model.document.positionOf(setting.path);
        return [{ line, column, message: `\`${key}: host\` in service ${service.name}: the container ${consequence}` }];
      }),
    );
  },
};
