/**
 * A service should cap its number of processes with `pids_limit` or
 * `deploy.resources.limits.pids`; `0` and `-1` mean unlimited and are reported. See
 * memory-limit.ts for why the resource limits are three rules.
 */
import { PIDS_LIMIT_KEYS, resourceLimit } from '../../analysis/composeLimits.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const pidsLimit: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/pids-limit',
    severity: 'warning',
    title: 'A service has no process limit',
    passTitle: 'Every service has a process limit',
    why:
      'Process ids are shared by the whole host. A fork bomb, or a bug that spawns a process per request, in a ' +
      'service without a pids limit exhausts them, and then nothing on the host can start a process: not ' +
      'sshd for your login, not the daemon restarting containers. An attacker needs one shell line to do it.',
    fix: 'Set `pids_limit: 200` on the service (or `deploy.resources.limits.pids: 200`), well above what it normally runs.',
    item: 'runtime.resource-limits',
    references: ['cis-docker:5.28'],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const limit = resourceLimit(model, service, PIDS_LIMIT_KEYS);
      if (limit.kind === 'set' || limit.kind === 'unknown') return [];
      if (limit.kind === 'unlimited') {
        const { line, column } = model.document.positionOf(limit.setting.path);
        return [{ line, column, message: `\`${limit.key}: ${String(limit.setting.value)}\` in service ${service.name} means no process limit to Docker` }];
      }
      const { line, column } = model.document.positionOf(service.path);
      return [{ line, column, message: `service ${service.name} has no process limit (\`pids_limit\` or \`deploy.resources.limits.pids\`)` }];
    });
  },
};
