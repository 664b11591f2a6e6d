/**
 * Reading a compose service's settings the way compose resolves them, with the YAML path of
 * where each value was written so a finding points at the right line.
 *
 * Two kinds of inheritance matter to rules:
 * - YAML merge keys (`<<: *defaults`) are shallow: a key the service writes itself replaces the
 *   merged one. The parser keeps `<<` as a plain key, so it is resolved here.
 * - `extends:` pulls another service's settings in; maps merge deeply and compose concatenates
 *   sequences such as `cap_drop` and `security_opt`. A base in another file (`extends.file`)
 *   cannot be seen from here, so such chains are reported as incomplete.
 *
 * Rules that flag a dangerous value use `ownSetting` (a base service is linted on its own, at
 * its own lines); rules that flag a missing hardening setting use the inherited readers, so a
 * service that gets `cap_drop: [ALL]` from its base is not told to add it again.
 */
import type { ComposeModel, ComposeService } from '../parse/compose.js';
import { asArray, isRecord, type YamlPath } from '../parse/yamlSource.js';
import { oncePer } from '../shared/oncePer.js';

/** A value and where it was written. */
export interface Located<T = unknown> {
  value: T;
  path: YamlPath;
}

const MERGE_KEY = '<<';

/**
 * A setting of the service itself, following YAML merge keys; `keys` walks into maps.
 *
 * @example ownSetting(web, ['deploy', 'resources', 'limits', 'memory'])?.value // '512m'
 */
export function ownSetting(service: ComposeService, keys: readonly string[]): Located | undefined {
  return lookup(service.spec, service.path, keys);
}

/** Each element of a sequence setting of the service itself (`cap_add`, `volumes`, ...). */
export function ownSequence(service: ComposeService, key: string): Located[] {
  return elementsOf(ownSetting(service, [key]));
}

export interface ExtendsChain {
  /** The service first, then its base, the base's base, and so on. */
  services: ComposeService[];
  /** False when a base lives in another file, is missing, or the chain loops. */
  complete: boolean;
}

/** The service and the services it extends, nearest first. */
export function extendsChain(model: ComposeModel, service: ComposeService): ExtendsChain {
  const services = [service];
  const seen = new Set([service.name]);
  const byName = servicesByName(model);
  let current = service;
  // Real files extend a few levels; a hostile one chained thousands, and each rule walked each
  // service's whole chain (cubic). Past this depth the chain counts as not fully seen.
  while (services.length <= MAX_EXTENDS_DEPTH) {
    const declared = ownSetting(current, ['extends'])?.value;
    if (declared === undefined || declared === null) return { services, complete: true };
    const baseName = typeof declared === 'string' ? declared : isRecord(declared) && declared.file === undefined ? declared.service : undefined;
    const base = typeof baseName === 'string' ? byName.get(baseName) : undefined;
    if (!base || seen.has(base.name)) return { services, complete: false };
    services.push(base);
    seen.add(base.name);
    current = base;
  }
  return { services, complete: false };
}

const MAX_EXTENDS_DEPTH = 32;

/** The model's services by name (the first of a name, as `find` would give), made once per model. */
const servicesByName = oncePer((model: ComposeModel): ReadonlyMap<string, ComposeService> => {
  const names = new Map<string, ComposeService>();
  for (const candidate of model.services) if (!names.has(candidate.name)) names.set(candidate.name, candidate);
  return names;
});

/** The first value along the `extends` chain; `complete` says whether the whole chain was seen. */
export function inheritedSetting(model: ComposeModel, service: ComposeService, keys: readonly string[]): { found: Located | undefined; complete: boolean } {
  const chain = extendsChain(model, service);
  for (const member of chain.services) {
    const found = ownSetting(member, keys);
    if (found !== undefined && found.value !== null) return { found, complete: true };
  }
  return { found: undefined, complete: chain.complete };
}

/** Every element of a sequence setting along the `extends` chain (compose concatenates them). */
export function inheritedSequence(model: ComposeModel, service: ComposeService, key: string): { items: Located[]; complete: boolean } {
  const chain = extendsChain(model, service);
  return { items: chain.services.flatMap((member) => ownSequence(member, key)), complete: chain.complete };
}

function elementsOf(setting: Located | undefined): Located[] {
  if (!setting) return [];
  if (!Array.isArray(setting.value)) return setting.value === null ? [] : [setting];
  return setting.value.map((value, index) => ({ value, path: [...setting.path, index] }));
}

function lookup(map: Record<string, unknown>, at: YamlPath, keys: readonly string[]): Located | undefined {
  const [key, ...rest] = keys;
  if (key === undefined) return { value: map, path: at };
  if (key in map && key !== MERGE_KEY) {
    const value = map[key];
    if (rest.length === 0) return { value, path: [...at, key] };
    return isRecord(value) ? lookup(value, [...at, key], rest) : undefined;
  }
  for (const source of mergeSources(map, at)) {
    const found = lookup(source.value, source.path, keys);
    if (found) return found;
  }
  return undefined;
}

/** `<<: *a` or `<<: [*a, *b]`; earlier sources win, as in YAML 1.1. */
function mergeSources(map: Record<string, unknown>, at: YamlPath): Located<Record<string, unknown>>[] {
  const merged = map[MERGE_KEY];
  if (isRecord(merged)) return [{ value: merged, path: [...at, MERGE_KEY] }];
  return asArray(merged).flatMap((value, index) => (isRecord(value) ? [{ value, path: [...at, MERGE_KEY, index] }] : []));
}
