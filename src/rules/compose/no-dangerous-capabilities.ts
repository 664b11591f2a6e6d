/**
 * `cap_add` of a capability that reaches the host: SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE,
 * DAC_READ_SEARCH, ALL and the others listed in `DANGEROUS_CAPABILITIES`. Names match in any
 * case, with or without `CAP_`. Other additions are `compose/no-extra-capabilities`'s (warning).
 */
import { capabilityName, DANGEROUS_CAPABILITIES } from '../../analysis/composeCapabilities.js';
import { ownSequence } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

export const noDangerousCapabilities: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-dangerous-capabilities',
    severity: 'error',
    title: 'A service adds a capability that reaches the host',
    passTitle: 'No service adds a capability that reaches the host',
    why:
      "Capabilities are slices of root's power, and some slices are most of the cake. SYS_ADMIN allows mounts " +
      'and the classic cgroup escapes, SYS_MODULE loads code into the host kernel, SYS_PTRACE reads and ' +
      'rewrites other processes, NET_ADMIN rewires the network, DAC_READ_SEARCH opened host files in the ' +
      '"Shocker" escape. An attacker who lands in a service holding one of these is a short step from the host.',
    fix:
      'Remove the capability from `cap_add`. Keep `cap_drop: [ALL]` and add back only what the service has been ' +
      'shown to need, in most cases nothing or `NET_BIND_SERVICE`. Tools that truly need SYS_ADMIN or ' +
      'NET_ADMIN belong on a dedicated host, not next to your app.',
    item: 'runtime.drop-capabilities',
    references: ['cis-docker:5.3'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      ownSequence(service, 'cap_add').flatMap(({ value, path }) => {
        if (typeof value !== 'string') return [];
        const power = DANGEROUS_CAPABILITIES.get(capabilityName(value));
        if (power === undefined) return [];
        const { line, column } = model.document.positionOf(path);
        return [{ line, column, message: `\`cap_add: [${value}]\` in service ${service.name} gives it ${power}` }];
      }),
    );
  },
};
