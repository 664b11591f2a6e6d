/**
 * `shipshape rules [--json]`: the rule reference. Every rule shipshape knows (the default set and
 * the Pod Security profile controls), with what it checks, why, how to fix it, the checklist item
 * it teaches, and how it relates to the same check in other tools.
 */
import { allRules, profileRules } from '../../rules/registry.js';
import { profiles } from '../../rules/profiles.js';
import type { Rule, RuleDifference, Severity } from '../../rules/types.js';
import type { Io } from '../main.js';

export interface RuleReference {
  id: string;
  target: string;
  severity: Severity;
  title: string;
  item: string;
  why: string;
  fix: string;
  references: string[];
  differences: RuleDifference[];
  /** The profiles that run it (`pss-baseline`, ...); empty for a rule that runs by default. */
  profiles: string[];
}

/** Every rule as plain data, default rules first, in registry order. */
export function ruleReferences(): RuleReference[] {
  return [...allRules, ...profileRules].map(toReference);
}

export function toReference(rule: Rule): RuleReference {
  const { id, severity, title, item, why, fix, references, differences = [] } = rule.meta;
  const inProfiles = Object.entries(profiles).filter(([, ids]) => ids.includes(id)).map(([name]) => name);
  return { id, target: rule.target, severity, title, item, why, fix, references, differences, profiles: inProfiles };
}

export function rulesCommand(options: { json: boolean }, io: Io): number {
  const rules = ruleReferences();
  if (options.json) {
    io.out(JSON.stringify({ version: 1, rules }, null, 2));
    return 0;
  }
  io.out(formatRuleTable(rules));
  return 0;
}

/** One line per rule, grouped by the kind of file it reads; `shipshape explain <id>` has the rest. */
export function formatRuleTable(rules: RuleReference[]): string {
  const width = Math.max(...rules.map((rule) => rule.id.length));
  const lines: string[] = [];
  let target: string | undefined;
  for (const rule of rules) {
    const group = rule.profiles.length > 0 ? `${rule.target} (Pod Security profiles: ${rule.profiles.join(', ')})` : rule.target;
    if (group !== target) {
      if (target !== undefined) lines.push('');
      lines.push(`${group}:`);
      target = group;
    }
    lines.push(`  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${rule.title}`);
  }
  lines.push('', `${rules.length} rules. \`shipshape explain <rule-id>\` shows why, how to fix, and the same check in other tools.`);
  return lines.join('\n');
}
