/**
 * `"no-new-privileges": true` makes every container start with the no_new_privs flag, so SUID
 * binaries and file capabilities cannot raise a process's privileges.
 */
import type { DaemonConfigRule } from '../types.js';

export const noNewPrivileges: DaemonConfigRule = {
  target: 'daemon',
  meta: {
    id: 'daemon/no-new-privileges',
    severity: 'info',
    title: 'Containers may gain new privileges by default',
    passTitle: 'Containers may not gain new privileges by default',
    why:
      'Inside a container, a non-root attacker\'s usual way up is a SUID program such as `su`, `passwd` or a ' +
      'forgotten custom binary. With no_new_privs set, the kernel ignores SUID bits and file capabilities, so ' +
      'that path is closed for every container on the host, including the ones whose authors forgot ' +
      '`--security-opt no-new-privileges`.',
    fix: 'Set `"no-new-privileges": true` in daemon.json and restart the daemon; it becomes the default for every container.',
    item: 'runtime.no-new-privileges',
    references: [],
  },
  check(model) {
    if (model.settings['no-new-privileges'] === true) return [];
    const value = model.settings['no-new-privileges'];
    return [{
      ...model.document.positionOf(['no-new-privileges']),
      message: value === undefined
        ? 'daemon.json does not set `"no-new-privileges": true`'
        : `\`no-new-privileges\` is ${JSON.stringify(value)}, so containers may gain privileges through SUID binaries`,
    }];
  },
};
