/**
 * Resource limits are three rules, not one, because a rule has one severity and the three
 * matter differently: no memory limit (this rule) and no pids limit are warnings, since either
 * lets one service take the host down; no cpu limit is info, since CPU contention slows
 * neighbours but the kernel keeps sharing it. `mem_limit` and `deploy.resources.limits.memory`
 * both count; `0` means unlimited to Docker and is reported.
 */
import { MEMORY_LIMIT_KEYS, resourceLimit } from '../../analysis/composeLimits.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const memoryLimit: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/memory-limit',
    severity: 'warning',
    title: 'A service has no memory limit',
    passTitle: 'Every service has a memory limit',
    why:
      'Without a memory limit a service can take all of the host\'s memory, whether through a leak, a crafted ' +
      'request that makes it buffer a huge body, or an attacker running their own workload in it. The kernel ' +
      'then starts killing processes on the host, and the ones it picks may be your database or the Docker ' +
      'daemon. A limit turns that into one container restarting.',
    fix:
      'Set `mem_limit: 512m` on the service (or `deploy.resources.limits.memory: 512M`), sized from what it ' +
      'really uses plus headroom.',
    item: 'runtime.resource-limits',
    references: ['cis-docker:5.10'],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const limit = resourceLimit(model, service, MEMORY_LIMIT_KEYS);
      if (limit.kind === 'set' || limit.kind === 'unknown') return [];
      if (limit.kind === 'unlimited') {
        const { line, column } = model.document.positionOf(limit.setting.path);
        return [{ line, column, message: `\`${limit.key}: ${String(limit.setting.value)}\` in service ${service.name} means no memory limit to Docker` }];
      }
      const { line, column } = model.document.positionOf(service.path);
      return [{ line, column, message: `service ${service.name} has no memory limit (\`mem_limit\` or \`deploy.resources.limits.memory\`)` }];
    });
  },
};
