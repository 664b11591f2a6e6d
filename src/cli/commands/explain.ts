/**
 * `shipshape explain <rule-id>`: one rule in full: what it checks, why it matters, how to fix
 * it, the checklist item (and so the lesson) behind it, the peers that check the same thing and
 * where shipshape deliberately differs from them.
 */
import { findRule } from '../../rules/registry.js';
import type { Io } from '../main.js';
import { UsageError } from '../usage.js';
import { ruleReferences, toReference, type RuleReference } from './rules.js';

export function explainCommand(options: { ruleId: string; json: boolean }, io: Io): number {
  const rule = findRule(options.ruleId.trim());
  if (!rule) throw new UsageError(unknownRuleMessage(options.ruleId), 'explain');
  const reference = toReference(rule);
  io.out(options.json ? JSON.stringify({ version: 1, rule: reference }, null, 2) : formatExplanation(reference, Math.max(40, process.stdout.columns ?? 80)));
  return 0;
}

/** Names the rules the learner may have meant: the same name under another target, or ids containing the word. */
function unknownRuleMessage(asked: string): string {
  const word = asked.trim().toLowerCase().split('/').at(-1) ?? '';
  const near = word === '' ? [] : ruleReferences().map((rule) => rule.id).filter((id) => id.includes(word)).slice(0, 5);
  const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '; `shipshape rules` lists them all';
  return `unknown rule "${asked}"${hint}`;
}

/** The explanation as it prints: headings a reader can scan, the rule's own words under them. */
export function formatExplanation(rule: RuleReference, width = 80): string {
  const wrapped = (text: string, indent = '  ') => wrap(text, width - indent.length).map((line) => `${indent}${line}`);
  const relation = { 'stricter-than': 'stricter than', 'looser-than': 'looser than', 'differs-from': 'differs from' } as const;
  return [
    `${rule.id} (${rule.severity})`,
    rule.title,
    '',
    'Why it matters:',
    ...wrapped(rule.why),
    '',
    'How to fix it:',
    ...wrapped(rule.fix),
    '',
    `Checklist item: ${rule.item} (\`shipshape lesson ${rule.item}\`)`,
    ...(rule.profiles.length > 0 ? [`Runs in profiles: ${rule.profiles.join(', ')} (\`shipshape lint --profile ${rule.profiles[0]} ...\`)`] : []),
    `Same check elsewhere: ${rule.references.length > 0 ? rule.references.join(', ') : 'none listed'}`,
    ...(rule.differences.length > 0
      ? ['Deliberate differences:', ...rule.differences.flatMap((difference) => wrapped(`${relation[difference.relation]} ${difference.peer}: ${difference.note}`))]
      : []),
  ].join('\n');
}

/** Breaks text at spaces into lines of at most `width` characters (a longer word gets a line of its own). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
