/**
 * A service should start from `cap_drop: [ALL]`. Missing `cap_drop`, or a list that drops only
 * some capabilities (`[NET_RAW]`), leaves Docker's default set in place. `CAP_ALL` is not
 * accepted: Docker refuses it as an unknown capability. `cap_drop` from an `extends` base or a
 * `<<:` merge counts; when the base lives in another file the rule stays silent.
 */
import { isAllCapabilities } from '../../analysis/composeCapabilities.js';
import { inheritedSequence } from '../../analysis/composeSettings.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const dropAllCapabilities: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/drop-all-capabilities',
    severity: 'warning',
    title: 'A service keeps default capabilities',
    passTitle: 'Every service drops all capabilities',
    why:
      "Docker's default capability set still lets a container's root change any file's owner, bypass file " +
      'permission checks, craft raw packets to spoof traffic on the network and create device nodes. An ' +
      'attacker who gets code execution uses these to move sideways and as ingredients of an escape. A ' +
      'typical web service on a port above 1024 needs none of them.',
    fix:
      'Add `cap_drop: [ALL]` to the service, and only if it must bind a port below 1024 add ' +
      '`cap_add: [NET_BIND_SERVICE]`. Drop ALL rather than listing names: a list always forgets one.',
    item: 'runtime.drop-capabilities',
    references: ['cis-docker:5.3'],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const { items, complete } = inheritedSequence(model, service, 'cap_drop');
      const written = items.flatMap((item) => (typeof item.value === 'string' ? [{ ...item, value: item.value }] : []));
      if (written.some((item) => isAllCapabilities(item.value))) return [];
      const first = items[0];
      if (!first) {
        if (!complete) return [];
        const { line, column } = model.document.positionOf(service.path);
        return [{ line, column, message: `service ${service.name} has no \`cap_drop: [ALL]\`, so it keeps Docker's default capabilities` }];
      }
      const { line, column } = model.document.positionOf(first.path);
      const names = written.map((item) => item.value).join(', ');
      const capAll = written.some((item) => item.value.trim().toUpperCase() === 'CAP_ALL');
      const message = capAll
        ? `\`cap_drop: [${names}]\` in service ${service.name}: Docker rejects CAP_ALL as an unknown capability; write ALL`
        : `\`cap_drop: [${names}]\` in service ${service.name} drops only some capabilities; drop ALL and add back what it needs`;
      return complete || capAll ? [{ line, column, message }] : [];
    });
  },
};
