/**
 * Compose scalars the way compose's loader reads them. A learner may write `privileged: true`,
 * `privileged: "true"` or `privileged: yes`; compose casts all of them, so rules must too, or a
 * quoted value would slip past a check. Limits are similar: `0` and `-1` mean "no limit".
 */

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

/**
 * A compose boolean, or undefined when the value is absent, interpolated or not a boolean.
 *
 * @example composeBoolean('True') // true
 * @example composeBoolean('${PRIVILEGED}') // undefined
 */
export function composeBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value === 1 ? true : value === 0 ? false : undefined;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

/** True when a value contains compose `${VAR}` / `$VAR` interpolation (`$$` is a literal dollar). */
export function isInterpolated(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value.replace(/\$\$/g, ''));
}

export type LimitVerdict = 'set' | 'missing' | 'unlimited';

/**
 * Whether a limit value (`mem_limit: 512m`, `pids_limit: 100`, `cpus: "0.5"`) really limits.
 * Docker reads `0` (and `-1` for pids) as "no limit", so those count as unlimited; a value
 * filled in by interpolation is taken on trust.
 *
 * @example limitVerdict('512m') // 'set'
 * @example limitVerdict(-1) // 'unlimited'
 */
export function limitVerdict(value: unknown): LimitVerdict {
  if (value === undefined || value === null) return 'missing';
  if (typeof value === 'number') return value > 0 ? 'set' : 'unlimited';
  if (typeof value !== 'string' || value.trim() === '') return 'missing';
  if (isInterpolated(value)) return 'set';
  const amount = Number.parseFloat(value.trim());
  return Number.isFinite(amount) && amount <= 0 ? 'unlimited' : 'set';
}
