/** The daemon rules. A meta-test fails when a rule file in this folder is missing here. */
import type { DaemonConfigRule } from '../types.js';

export const daemonRules: DaemonConfigRule[] = [];
