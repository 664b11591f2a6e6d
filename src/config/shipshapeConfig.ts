/**
 * `.shipshape.yaml`: what a repository tells `shipshape lint` (paths to leave out, rule
 * severities, the registries it trusts, the Pod Security Standards profile). The zod schema is
 * the format's documentation; a mistake is reported with the file, line and what was expected.
 * Pure: text in, settings out (config discovery on disk is in findConfig.ts).
 *
 *   exclude: [charts/*\/templates/, test/fixtures/]
 *   rules:
 *     dockerfile/trusted-base-image: off
 *     kubernetes/network-policy-present: warning
 *   trustedRegistries: [registry.example.com/]
 *   profile: pss-restricted@v1.30
 *   failOn: warning
 */
import * as z from 'zod';
import { MAX_EXCLUDE_PATTERN_LENGTH } from './excludeLimits.js';
import { InputError } from '../parse/position.js';
import { parseYamlSource } from '../parse/yamlSource.js';

const severityOrOff = z.enum(['off', 'info', 'warning', 'error']);

const excludePattern = z.string().min(1).max(MAX_EXCLUDE_PATTERN_LENGTH, `an exclude pattern is at most ${MAX_EXCLUDE_PATTERN_LENGTH} characters`);

export const configSchema = z
  .object({
    /** gitignore-style patterns, relative to the folder holding `.shipshape.yaml`. */
    exclude: z.array(excludePattern).default([]),
    /** Per-rule severity, or `off`: `{ dockerfile/trusted-base-image: off }`. */
    rules: z.record(z.string().regex(/^[a-z][a-z0-9-]*(\/[a-z0-9-]+)?$/, 'a rule id such as dockerfile/no-root-user'), severityOrOff).default({}),
    /** Registry or repository prefixes whose images count as trusted base images. */
    trustedRegistries: z.array(z.string().min(1)).default([]),
    /** A Pod Security Standards profile, optionally pinned: `pss-restricted`, `pss-baseline@v1.30`. */
    profile: z.string().regex(/^pss-[a-z]+(@(v\d+\.\d+|latest))?$/, 'a profile such as pss-restricted or pss-baseline@v1.30').optional(),
    /** The lowest severity that makes the run fail (exit 1); default error. */
    failOn: z.enum(['error', 'warning', 'info']).optional(),
  })
  .strict();

export type ShipshapeConfig = z.infer<typeof configSchema>;

export const emptyConfig: ShipshapeConfig = { exclude: [], rules: {}, trustedRegistries: [] };

/**
 * @example parseConfig('rules:\n  dockerfile/no-sudo: off\n', '.shipshape.yaml').rules // { 'dockerfile/no-sudo': 'off' }
 * @throws InputError at the line of the first mistake (an unknown key, a wrong severity, a rule id that does not exist).
 */
export function parseConfig(text: string, file: string, knownRuleIds?: ReadonlySet<string>): ShipshapeConfig {
  const source = parseYamlSource(text, file);
  const [document, another] = source.documents.filter((doc) => doc.value !== null && doc.value !== undefined);
  if (!document) return emptyConfig;
  // Settings in a second document would be silently lost; say so instead.
  if (another) throw new InputError(file, another.positionOf([]), 'the configuration is one YAML document; merge the settings after `---` into the first');
  // Copied into plain objects, a `__proto__` key would vanish (it sets the prototype instead),
  // so `rules: {__proto__: off}` was accepted and meant nothing.
  const proto = pathToProtoKey(document.value);
  if (proto) throw new InputError(file, document.positionOf(proto), 'the key "__proto__" is not a setting');
  const result = configSchema.safeParse(document.value);
  if (!result.success) {
    const [issue] = result.error.issues;
    const where = document.positionOf((issue?.path ?? []).filter((key): key is string | number => typeof key !== 'symbol'));
    const at = issue?.path.length ? ` (at ${issue.path.join('.')})` : '';
    throw new InputError(file, where, `${issue?.message ?? 'invalid configuration'}${at}`);
  }
  for (const id of Object.keys(result.data.rules)) {
    if (knownRuleIds && !knownRuleIds.has(id)) {
      throw new InputError(file, document.positionOf(['rules', id]), `unknown rule "${id}"; \`shipshape rules\` lists them`);
    }
  }
  return result.data;
}

/** The path of the first `__proto__` key in a parsed value, or undefined. */
function pathToProtoKey(value: unknown, at: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value !== 'object' || value === null || at.length > 32) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key === '__proto__') return [...at, key];
    const found = pathToProtoKey(inner, [...at, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
