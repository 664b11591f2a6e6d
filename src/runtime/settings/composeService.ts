/**
 * A compose service's settings as compose itself resolves them before it starts anything, and
 * as the rules read them (analysis/composeSettings.ts): YAML merge keys (`<<: *defaults`,
 * shallow per map, the service's own keys and earlier sources winning) expanded at every level,
 * then the `extends` chain applied base first: maps merge deeply, sequences are concatenated,
 * and a scalar of the nearer service replaces the base's. The runtime translation reads the
 * result, so a service that gets `cap_drop: [ALL]` from its base really runs without them.
 *
 * Where the rules give an unseen base the benefit of the doubt, the runner cannot run what it
 * cannot see: a base in another file, a missing base or a loop is a setting the check cannot
 * start, said in one sentence. Pure.
 */
import type { ComposeModel, ComposeService } from '../../parse/compose.js';
import { asArray, isRecord } from '../../parse/yamlSource.js';
import type { Refusal } from '../policy.js';

const MERGE_KEY = '<<';

export interface ResolvedService {
  spec: Record<string, unknown>;
  /** Why the chain could not be followed (compose itself would refuse, or read a file we do not). */
  invalid: Refusal[];
}

/**
 * @example resolvedService(parseCompose('x: &d\n  read_only: true\nservices:\n  web:\n    <<: *d\n', 'c.yaml'), web).spec.read_only // true
 */
export function resolvedService(model: Pick<ComposeModel, 'file' | 'services'>, service: ComposeService): ResolvedService {
  const invalid: Refusal[] = [];
  const chain: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  let current: ComposeService | undefined = service;
  while (current) {
    seen.add(current.name);
    const spec = withMergesExpanded(current.spec);
    chain.push(spec);
    const declared = spec.extends;
    if (declared === undefined || declared === null) break;
    const base = typeof declared === 'string' ? declared : isRecord(declared) ? declared.service : undefined;
    if (isRecord(declared) && declared.file !== undefined) {
      invalid.push({ setting: `extends: ${String(base)} in ${String(declared.file)}`, reason: `shipshape reads only ${model.file}; copy the settings of service "${String(base)}" into it` });
      break;
    }
    if (typeof base !== 'string') {
      invalid.push({ setting: 'extends', reason: 'expected a service name, or a map with "service:"' });
      break;
    }
    if (seen.has(base)) {
      invalid.push({ setting: `extends: ${base}`, reason: `service "${current.name}" extends a chain that loops back to "${base}"` });
      break;
    }
    current = model.services.find((candidate) => candidate.name === base);
    if (!current) invalid.push({ setting: `extends: ${base}`, reason: `${model.file} has no service "${base}" to extend` });
  }
  // Base first, the service itself last: the nearer service wins.
  const spec = chain.reverse().reduce<Record<string, unknown>>((merged, next) => mergeService(merged, next), {});
  delete spec.extends;
  return { spec, invalid };
}

/** A map with every `<<` merge key (at any depth) replaced by the keys it brings in. */
export function withMergesExpanded(value: Record<string, unknown>): Record<string, unknown> {
  const expand = (item: unknown): unknown => (isRecord(item) ? withMergesExpanded(item) : Array.isArray(item) ? item.map(expand) : item);
  const result: Record<string, unknown> = {};
  // Earlier sources win over later ones, and the map's own keys over all of them.
  const sources = mergeSources(value[MERGE_KEY]).reverse();
  for (const source of sources) Object.assign(result, withMergesExpanded(source));
  for (const [key, item] of Object.entries(value)) if (key !== MERGE_KEY) result[key] = expand(item);
  return result;
}

function mergeSources(merged: unknown): Record<string, unknown>[] {
  if (isRecord(merged)) return [merged];
  return asArray(merged).filter(isRecord);
}

/** compose's `extends` merge: maps deeply, sequences concatenated (repeats dropped), scalars replaced. */
function mergeService(base: Record<string, unknown>, overlay: Record<string, unknown>): Record<string, unknown> {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const earlier = result[key];
    // A null does not unset what the base says: the rules read the first non-null value too.
    if (value === null && earlier !== undefined) continue;
    if (isRecord(earlier) && isRecord(value)) result[key] = mergeService(earlier, value);
    else if (Array.isArray(earlier) && Array.isArray(value)) result[key] = concatenated(earlier, value);
    else result[key] = value;
  }
  return result;
}

function concatenated(base: unknown[], overlay: unknown[]): unknown[] {
  const seen = new Set(base.map((item) => JSON.stringify(item)));
  return [...base, ...overlay.filter((item) => !seen.has(JSON.stringify(item)))];
}
