/**
 * A service should cap its CPU with `cpus`, `cpu_quota` or `deploy.resources.limits.cpus`;
 * `0` means unlimited and is reported. Info rather than warning: the kernel keeps sharing CPU
 * time, so a runaway service slows its neighbours instead of taking the host down. See
 * memory-limit.ts for why the resource limits are three rules.
 */
import { CPU_LIMIT_KEYS, resourceLimit } from '../../analysis/composeLimits.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const cpuLimit: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/cpu-limit',
    severity: 'info',
    title: 'A service has no CPU limit',
    passTitle: 'Every service has a CPU limit',
    why:
      'A service without a CPU limit can use every core on the host. An attacker mining cryptocurrency in it, or ' +
      'a request that triggers an expensive loop, then slows every other container on the machine, and a ' +
      'health check that times out can turn that slowness into a cascade of restarts.',
    fix: 'Set `cpus: "1.0"` on the service (or `deploy.resources.limits.cpus: "1.0"`), sized from its real load.',
    item: 'runtime.resource-limits',
    references: [],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const limit = resourceLimit(model, service, CPU_LIMIT_KEYS);
      if (limit.kind === 'set' || limit.kind === 'unknown') return [];
      if (limit.kind === 'unlimited') {
        const { line, column } = model.document.positionOf(limit.setting.path);
        return [{ line, column, message: `\`${limit.key}: ${String(limit.setting.value)}\` in service ${service.name} means no CPU limit to Docker` }];
      }
      const { line, column } = model.document.positionOf(service.path);
      return [{ line, column, message: `service ${service.name} has no CPU limit (\`cpus\` or \`deploy.resources.limits.cpus\`)` }];
    });
  },
};
