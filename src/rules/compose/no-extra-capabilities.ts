/**
 * `cap_add` of anything beyond NET_BIND_SERVICE that is not already an error under
 * `compose/no-dangerous-capabilities`: CHOWN, SETUID, NET_RAW and the like. Each is a power an
 * attacker inherits, so each should be one the service has been shown to need.
 */
import { capabilityName, DANGEROUS_CAPABILITIES, HARMLESS_CAPABILITY } from '../../analysis/composeCapabilities.js';
import { ownSequence } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

export const noExtraCapabilities: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-extra-capabilities',
    severity: 'warning',
    title: 'A service adds back a capability',
    passTitle: 'No service adds back a capability',
    why:
      'Each capability added back is a power an attacker inherits the moment they run code in the service: ' +
      'SETUID and SETGID let them switch to any user, CHOWN and FOWNER take over files they do not own, ' +
      'NET_RAW lets them spoof packets on the network. Most applications need none of these at runtime; ' +
      'they were usually added to make an error go away during development.',
    fix:
      'Remove the entry from `cap_add` and fix the reason it was needed: give files the right owner at build ' +
      'time (`COPY --chown`), run as the final user from the start instead of switching users, and listen on a ' +
      'port above 1024. Only `NET_BIND_SERVICE` is a routine addition.',
    item: 'runtime.drop-capabilities',
    references: ['cis-docker:5.3'],
  },
  check(model) {
    return model.services.flatMap((service) =>
      ownSequence(service, 'cap_add').flatMap(({ value, path }) => {
        if (typeof value !== 'string') return [];
        const name = capabilityName(value);
        if (name === HARMLESS_CAPABILITY || DANGEROUS_CAPABILITIES.has(name)) return [];
        const { line, column } = model.document.positionOf(path);
        return [{ line, column, message: `\`cap_add: [${value}]\` in service ${service.name} gives back ${name}; remove it unless the service is shown to need it` }];
      }),
    );
  },
};
