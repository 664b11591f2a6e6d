/**
 * No package manager in the final image: with one, an attacker installs whatever tools they
 * need. Each is exec'd directly with `--version`; BusyBox builds its own `dpkg` and `rpm`.
 */
import * as z from 'zod';
import { runnablePrograms } from './programPresence.js';
import type { Probe } from './types.js';

const PACKAGE_MANAGERS = ['apk', 'apt', 'apt-get', 'dpkg', 'yum', 'dnf', 'microdnf', 'rpm', 'pip', 'pip3', 'npm'];

export const noPackageManager: Probe = {
  id: 'no-package-manager',
  title: 'The image has a package manager',
  passTitle: 'The image has no package manager',
  fix: 'Build in one stage and copy only the result into a final stage based on an image without a package manager (distroless or scratch).',
  item: 'image.minimal-base',
  observesOnly: true,
  params: z.strictObject({}),
  async run(context) {
    const found = await runnablePrograms(context, PACKAGE_MANAGERS.map((name) => [name, '--version']));
    return found.length === 0
      ? { passed: true, evidence: `none of ${PACKAGE_MANAGERS.join(', ')} is in the container` }
      : { passed: false, evidence: `package managers that run in the container: ${found.map((f) => f.command.replace(/ --version$/, '')).join(', ')}` };
  },
};
