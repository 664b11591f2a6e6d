/**
 * Every rule shipshape knows, in one list. A meta-test walks src/rules/ and fails when a rule
 * file is missing here, so this list is the registry and the folder is its table of contents.
 */
import { noRootUser } from './dockerfile/no-root-user.js';
import type { Rule } from './types.js';

export const allRules: readonly Rule[] = [noRootUser];

const rulesById = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function findRule(id: string): Rule | undefined {
  return rulesById.get(id);
}
