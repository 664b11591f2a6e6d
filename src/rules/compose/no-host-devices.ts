/**
 * Host devices handed to a service through `devices:` (`/dev/sda:/dev/sda`, long syntax, or a
 * CDI name such as `nvidia.com/gpu=all`) or opened up by `device_cgroup_rules`. Every entry is
 * reported: a device node is direct access to host hardware and its kernel driver, so each one
 * should be a decision someone wrote down. Except the nodes every container already may open:
 * Docker's default device rules allow /dev/null, zero, full, random, urandom, tty and the tun
 * device (`c 10:200 rwm`), and its default capabilities include MKNOD, so mapping one of them
 * grants nothing new (a VPN's /dev/net/tun only makes interfaces in the container's own network
 * namespace; the NET_ADMIN it needs is no-added-capabilities' finding).
 */
import { ownSequence } from '../../analysis/composeSettings.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { ComposeRule } from '../types.js';

/** Device nodes Docker's default device rules already let every container open (see above). */
const ALLOWED_BY_DEFAULT = new Set(['/dev/null', '/dev/zero', '/dev/full', '/dev/random', '/dev/urandom', '/dev/tty', '/dev/net/tun']);

export const noHostDevices: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-host-devices',
    severity: 'error',
    title: 'A service gets direct access to host devices',
    passTitle: 'No service gets direct access to host devices',
    why:
      'A device node is a direct line to host hardware and to a kernel driver. With a block device such as ' +
      '/dev/sda an attacker reads or rewrites the host disk underneath every file permission; with /dev/mem or ' +
      '/dev/kmsg they read kernel memory or logs; with a GPU or USB device they reach a large, rarely hardened ' +
      'driver that makes a fine escape route.',
    fix:
      'Remove `devices:` and `device_cgroup_rules:`. If a service truly needs one device, map exactly that ' +
      'node, read-only where possible (`- /dev/ttyUSB0:/dev/ttyUSB0:r`), and keep the service off the network ' +
      'edge.',
    item: 'runtime.no-docker-socket',
    references: ['cis-docker:5.17'],
  },
  check(model) {
    return model.services.flatMap((service) => [
      ...ownSequence(service, 'devices').flatMap(({ value, path }) => {
        const written = typeof value === 'string' ? value : String(asRecord(value).source ?? JSON.stringify(value));
        if (ALLOWED_BY_DEFAULT.has(written.split(':')[0] ?? '')) return [];
        const { line, column } = model.document.positionOf(path);
        return [{ line, column, message: `service ${service.name} gets host device \`${written}\`` }];
      }),
      ...ownSequence(service, 'device_cgroup_rules').map(({ value, path }) => {
        const { line, column } = model.document.positionOf(path);
        return { line, column, message: `\`device_cgroup_rules: ${String(value)}\` in service ${service.name} lets it open host device nodes` };
      }),
    ]);
  },
};
