/**
 * `"live-restore": true` keeps containers running while the daemon restarts, so patching the
 * daemon does not mean downtime (and is therefore not postponed).
 */
import type { DaemonConfigRule } from '../types.js';

export const liveRestore: DaemonConfigRule = {
  target: 'daemon',
  meta: {
    id: 'daemon/live-restore',
    severity: 'info',
    title: 'Restarting the daemon stops every container',
    passTitle: 'Restarting the daemon keeps containers running',
    why:
      'When restarting dockerd takes every service down with it, security updates to the engine wait for a ' +
      'maintenance window, and an attacker who can crash the daemon takes down the whole host\'s workload at once. ' +
      'Live restore keeps containers running across daemon restarts, so the engine can be patched as soon as a ' +
      'fix is out.',
    fix: 'Set `"live-restore": true` in daemon.json and reload the daemon (not available in Swarm mode).',
    item: 'host.benchmarks',
    references: [],
  },
  check(model) {
    const value = model.settings['live-restore'];
    if (value === true) return [];
    return [{
      ...model.document.positionOf(['live-restore']),
      message: value === undefined ? 'daemon.json does not set `"live-restore": true`' : `\`live-restore\` is ${JSON.stringify(value)}`,
    }];
  },
};
