/**
 * `privileged: true` turns off nearly every isolation Docker applies. Compose casts quoted and
 * YAML 1.1 spellings (`"true"`, `yes`) to true, so they count too; a value from `<<: *defaults`
 * counts where the merge is written.
 */
import { composeBoolean } from '../../analysis/composeScalars.js';
import { ownSetting } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

export const noPrivileged: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-privileged',
    severity: 'error',
    title: 'A service runs privileged',
    passTitle: 'No service runs privileged',
    why:
      'A privileged container gets every capability, every host device under /dev, no seccomp or AppArmor ' +
      'filter and a writable /sys. Whoever gets code execution inside it can mount the host disk, load kernel ' +
      'modules or write to the host cgroup tree, and is root on the host a few commands later: the container ' +
      'boundary is gone.',
    fix:
      'Delete `privileged: true`. If the service needs one specific power, grant only that: `cap_drop: [ALL]` ' +
      'plus the one `cap_add` it needs, or a single entry under `devices:`.',
    item: 'runtime.no-docker-socket',
    references: ['cis-docker:5.4'],
  },
  check(model) {
    return model.services.flatMap((service) => {
      const setting = ownSetting(service, ['privileged']);
      if (!setting || composeBoolean(setting.value) !== true) return [];
      const { line, column } = model.document.positionOf(setting.path);
      return [{ line, column, message: `\`privileged: ${String(setting.value)}\` in service ${service.name} removes the container's isolation from the host` }];
    });
  },
};
