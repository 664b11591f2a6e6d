/**
 * Every rule shipshape knows. Each target folder (`dockerfile/`, `compose/`, ...) lists its
 * rules in its `index.ts`; a meta-test walks the folders and fails when a rule file is missing
 * from its list, so the folders are the table of contents.
 */
import { ciRules } from './ci/index.js';
import { composeRules } from './compose/index.js';
import { daemonRules } from './daemon/index.js';
import { dockerfileRules } from './dockerfile/index.js';
import { kubernetesRules, pssRules } from './kubernetes/index.js';
import type { Rule } from './types.js';

export const allRules: readonly Rule[] = [...dockerfileRules, ...composeRules, ...kubernetesRules, ...ciRules, ...daemonRules];

/**
 * Rules that run only when a profile selects them (the Pod Security Standards controls, see
 * profiles.ts); they restate default rules in a standard's terms, so running both by default
 * would report one mistake twice.
 */
export const profileRules: readonly Rule[] = [...pssRules];

const rulesById = new Map([...allRules, ...profileRules].map((rule) => [rule.meta.id, rule]));

/** Finds a default rule or a profile rule by id. */
export function findRule(id: string): Rule | undefined {
  return rulesById.get(id);
}
