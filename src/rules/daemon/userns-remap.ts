/**
 * `userns-remap` maps root inside containers to an unprivileged range of uids on the host, the
 * closest a rootful daemon gets to rootless mode.
 */
import type { DaemonConfigRule } from '../types.js';

export const usernsRemap: DaemonConfigRule = {
  target: 'daemon',
  meta: {
    id: 'daemon/userns-remap',
    severity: 'info',
    title: 'Container root is root on the host',
    passTitle: 'Container root is not root on the host',
    why:
      'Without user namespace remapping, uid 0 in a container is uid 0 on the host. Every container escape, ' +
      'every mis-mounted host directory, every kernel bug reachable from the container then lands as real root. ' +
      'With remapping (or a rootless daemon), the same escape lands as an unprivileged uid that owns nothing ' +
      'of value on the host.',
    fix:
      'Run the daemon rootless (`dockerd-rootless-setuptool.sh install`), or set `"userns-remap": "default"` in ' +
      'daemon.json (Docker creates the `dockremap` user and its subordinate uid range) and restart the daemon.',
    item: 'host.rootless',
    references: [],
  },
  check(model) {
    const remap = model.settings['userns-remap'];
    if (typeof remap === 'string' && remap.trim() !== '') return [];
    return [{ ...model.document.positionOf(['userns-remap']), message: 'daemon.json does not set `userns-remap`, so root in a container is root on the host' }];
  },
};
