/**
 * `"icc": false` stops containers on the default bridge from talking to each other unless linked
 * or published; the CIS Docker Benchmark asks for it. Info only: user-defined networks are the
 * better tool, and they are not affected by this setting.
 */
import type { DaemonConfigRule } from '../types.js';

export const disableIcc: DaemonConfigRule = {
  target: 'daemon',
  meta: {
    id: 'daemon/disable-icc',
    severity: 'info',
    title: 'Containers on the default bridge can all reach each other',
    passTitle: 'Containers on the default bridge cannot reach each other',
    why:
      'With inter-container communication on, every container on the default bridge can open any port of every ' +
      'other one. An attacker who compromises one small, exposed service then reaches the database, the cache and ' +
      'the admin endpoints next to it directly: lateral movement without a single firewall in the way.',
    fix:
      'Set `"icc": false` in daemon.json and restart the daemon; give services that must talk to each other a ' +
      'user-defined network (`docker network create app-net`, or compose networks) so only they share one.',
    item: 'host.benchmarks',
    references: [],
  },
  check(model) {
    if (model.settings.icc === false) return [];
    // icc applies to the default bridge only; `"bridge": "none"` gives the engine none.
    if (model.settings.bridge === 'none') return [];
    const explicit = model.settings.icc !== undefined;
    return [{
      ...model.document.positionOf(['icc']),
      message: explicit
        ? `\`icc\` is ${JSON.stringify(model.settings.icc)}: containers on the default bridge can reach each other`
        : 'daemon.json does not set `"icc": false`, so containers on the default bridge can reach each other',
    }];
  },
};
