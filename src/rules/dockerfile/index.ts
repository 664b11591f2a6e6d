/** The Dockerfile rules. A meta-test fails when a rule file in this folder is missing here. */
import type { DockerfileRule } from '../types.js';
import { noRootUser } from './no-root-user.js';

export const dockerfileRules: DockerfileRule[] = [noRootUser];
