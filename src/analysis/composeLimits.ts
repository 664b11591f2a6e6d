/**
 * Whether a compose service limits a resource, whichever of compose's spellings it uses
 * (`mem_limit` or `deploy.resources.limits.memory`, ...), following `extends` and `<<:` merges.
 * Shared by the memory, pids and cpu rules so they agree on what "limited" means.
 */
import type { ComposeModel, ComposeService } from '../parse/compose.js';
import { limitVerdict } from './composeScalars.js';
import { inheritedSetting, type Located } from './composeSettings.js';

export type ResourceLimit =
  | { kind: 'set' }
  /** Written, but `0` or `-1`, which Docker reads as no limit. */
  | { kind: 'unlimited'; setting: Located; key: string }
  | { kind: 'missing' }
  /** Not found, but an `extends` base in another file might set it. */
  | { kind: 'unknown' };

export const MEMORY_LIMIT_KEYS = [['mem_limit'], ['deploy', 'resources', 'limits', 'memory']] as const;
export const PIDS_LIMIT_KEYS = [['pids_limit'], ['deploy', 'resources', 'limits', 'pids']] as const;
export const CPU_LIMIT_KEYS = [['cpus'], ['cpu_quota'], ['deploy', 'resources', 'limits', 'cpus']] as const;

/** @example resourceLimit(model, web, MEMORY_LIMIT_KEYS).kind // 'set' for `mem_limit: 512m` */
export function resourceLimit(model: ComposeModel, service: ComposeService, spellings: readonly (readonly string[])[]): ResourceLimit {
  let unlimited: ResourceLimit | undefined;
  let complete = true;
  for (const keys of spellings) {
    const { found, complete: seenAll } = inheritedSetting(model, service, keys);
    complete &&= seenAll;
    const verdict = found === undefined ? 'missing' : limitVerdict(found.value);
    if (verdict === 'set') return { kind: 'set' };
    if (verdict === 'unlimited' && found && !unlimited) unlimited = { kind: 'unlimited', setting: found, key: keys.join('.') };
  }
  return unlimited ?? (complete ? { kind: 'missing' } : { kind: 'unknown' });
}
