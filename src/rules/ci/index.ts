/** The ci rules. A meta-test fails when a rule file in this folder is missing here. */
import type { CiWorkflowRule } from '../types.js';

export const ciRules: CiWorkflowRule[] = [];
