/**
 * Every service should set `security_opt: [no-new-privileges:true]` (`=true` and the bare
 * `no-new-privileges` mean the same to Docker). An explicit `no-new-privileges:false` is
 * reported as such. Entries from an `extends` base count; with a base in another file and no
 * entry here, the rule stays silent.
 */
import { composeBoolean } from '../../analysis/composeScalars.js';
import { securityOption } from '../../analysis/composeSecurityOptions.js';
import { inheritedSequence } from '../../analysis/composeSettings.js';
import type { ComposeRule, RuleHit } from '../types.js';

const OPTION = 'no-new-privileges';

export const noNewPrivileges: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-new-privileges',
    severity: 'warning',
    title: 'A service may gain privileges through setuid binaries',
    passTitle: 'No service may gain privileges through setuid binaries',
    why:
      'Without no-new-privileges, a process in the container can still become more powerful than it started: ' +
      'running a setuid-root binary such as `su`, `sudo` or a forgotten helper makes it root, and file ' +
      'capabilities are granted on exec. An attacker who lands as your unprivileged app user uses exactly ' +
      'that to climb back to root. The flag makes the kernel refuse every such gain for the whole process tree.',
    fix: 'Add `security_opt: ["no-new-privileges:true"]` to the service (keep any other entries beside it).',
    item: 'runtime.no-new-privileges',
    references: ['cis-docker:5.25'],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const { items, complete } = inheritedSequence(model, service, 'security_opt');
      const settings = items.flatMap((item) => {
        if (typeof item.value !== 'string') return [];
        const option = securityOption(item.value);
        return option.name === OPTION ? [{ ...item, enabled: option.value === undefined || composeBoolean(option.value) === true }] : [];
      });
      const disabled = settings.find((setting) => !setting.enabled);
      if (disabled) {
        const { line, column } = model.document.positionOf(disabled.path);
        return [{ line, column, message: `\`${String(disabled.value)}\` in service ${service.name} switches no-new-privileges off` }];
      }
      if (settings.length > 0 || !complete) return [];
      const { line, column } = model.document.positionOf(items[0]?.path ?? service.path);
      return [{ line, column, message: `service ${service.name} does not set \`security_opt: ["no-new-privileges:true"]\`` }];
    });
  },
};
