/** The compose rules. A meta-test fails when a rule file in this folder is missing here. */
import type { ComposeRule } from '../types.js';

export const composeRules: ComposeRule[] = [];
