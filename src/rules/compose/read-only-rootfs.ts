/**
 * Every service should run with `read_only: true`, with `tmpfs:` for the few paths it writes
 * scratch data to. `read_only: "true"` counts (compose casts it); `false` or a missing key is
 * reported; a value inherited through `extends` or `<<:` counts.
 */
import { composeBoolean } from '../../analysis/composeScalars.js';
import { inheritedSetting, ownSetting } from '../../analysis/composeSettings.js';
import type { ComposeRule, RuleHit } from '../types.js';

export const readOnlyRootfs: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/read-only-rootfs',
    severity: 'warning',
    title: "A service's root filesystem is writable",
    passTitle: "Every service's root filesystem is read-only",
    why:
      'With a writable root filesystem an attacker who gets code execution can drop tools, replace binaries ' +
      'and scripts the app runs later, or plant a web shell that survives until the container is recreated. ' +
      'A read-only root makes the image exactly what runs: anything they write has to go to a tmpfs you chose, ' +
      'which disappears with the container.',
    fix:
      'Add `read_only: true` and give the service a scratch area with `tmpfs: [/tmp]` (add `/var/run` or ' +
      "the app's cache directory if it writes there). Keep real data on a named volume.",
    item: 'runtime.read-only-rootfs',
    references: ['cis-docker:5.12'],
  },
  check(model) {
    return model.services.flatMap((service): RuleHit[] => {
      const { found, complete } = inheritedSetting(model, service, ['read_only']);
      if (found && composeBoolean(found.value) !== false) return [];
      if (!found && !complete) return [];
      const tmpfsAdvice = ownSetting(service, ['tmpfs']) ? '' : ' (with `tmpfs: [/tmp]` for scratch files)';
      const { line, column } = model.document.positionOf(found?.path ?? service.path);
      const what = found ? `\`read_only: ${String(found.value)}\`` : 'no `read_only: true`';
      return [{ line, column, message: `service ${service.name} has ${what}: its root filesystem is writable; set \`read_only: true\`${tmpfsAdvice}` }];
    });
  },
};
