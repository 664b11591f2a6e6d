/**
 * Kubernetes label selectors (`matchLabels` and `matchExpressions`) evaluated against a pod's
 * labels, so a NetworkPolicy in the same file can be matched to the workloads it covers.
 */
import { asArray, asRecord, isRecord } from '../parse/yamlSource.js';

/**
 * True when the selector selects pods with these labels. An empty selector (`{}`) selects every
 * pod; a missing or malformed one selects none, as the API server would not accept it.
 *
 * @example selectorMatches({ matchLabels: { app: 'api' } }, { app: 'api', tier: 'web' }) // true
 */
export function selectorMatches(selector: unknown, labels: Record<string, unknown>): boolean {
  if (!isRecord(selector)) return false;
  const matchLabels = asRecord(selector.matchLabels);
  for (const [key, value] of Object.entries(matchLabels)) {
    if (String(labels[key]) !== String(value) || !(key in labels)) return false;
  }
  return asArray(selector.matchExpressions).every((expression) => expressionMatches(asRecord(expression), labels));
}

function expressionMatches(expression: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const key = typeof expression.key === 'string' ? expression.key : undefined;
  if (key === undefined) return false;
  const values = asArray(expression.values).map(String);
  const present = key in labels;
  const value = present ? String(labels[key]) : undefined;
  switch (expression.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return present;
    case 'DoesNotExist':
      return !present;
    default:
      return false;
  }
}
