/** The kubernetes rules. A meta-test fails when a rule file in this folder is missing here. */
import type { KubernetesRule } from '../types.js';

export const kubernetesRules: KubernetesRule[] = [];
