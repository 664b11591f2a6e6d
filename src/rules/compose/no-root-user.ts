/**
 * `user:` must not name root: `0`, `root`, `0:0`, `root:root`, `0:1000` (the group does not
 * matter; uid 0 is root). A service with no `user:` is not reported here: the image's USER
 * decides then, and `dockerfile/no-root-user` checks that where the Dockerfile is at hand.
 * An interpolated user (`${APP_UID}`) cannot be judged and is left alone.
 */
import { isInterpolated } from '../../analysis/composeScalars.js';
import { ownSetting } from '../../analysis/composeSettings.js';
import type { ComposeRule } from '../types.js';

export const noRootUser: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/no-root-user',
    severity: 'error',
    title: 'A service runs as root',
    passTitle: 'No service runs as root',
    why:
      "Setting `user:` to root overrides whatever unprivileged user the image was built with. Root in a " +
      'container is uid 0 on the host kernel: an attacker who gets code execution owns every file in the ' +
      'container, keeps every capability Docker left in place, and starts any escape attempt from the best ' +
      'possible position.',
    fix:
      'Set a fixed unprivileged uid and gid, e.g. `user: "10001:10001"`, and make sure the files the service ' +
      'writes belong to it (`COPY --chown` in the Dockerfile, or a volume prepared for that uid). Or remove ' +
      '`user:` and let the image\'s own non-root USER apply.',
    item: 'runtime.non-root',
    references: [],
  },
  check(model) {
    return model.services.flatMap((service) => {
      const setting = ownSetting(service, ['user']);
      const written = typeof setting?.value === 'number' || typeof setting?.value === 'string' ? String(setting.value).trim() : undefined;
      if (!setting || written === undefined || isInterpolated(written)) return [];
      const userPart = written.split(':')[0] ?? '';
      if (userPart !== 'root' && !/^0+$/.test(userPart)) return [];
      const { line, column } = model.document.positionOf(setting.path);
      return [{ line, column, message: `\`user: "${written}"\` in service ${service.name} is uid 0: the container runs as root` }];
    });
  },
};
