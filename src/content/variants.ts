/**
 * Per-student variants of a challenge. A seed (one per student, from the instructor's seeds.csv)
 * picks a value for each of the challenge's variant parameters; the values then replace the
 * parameter's default, and any `{{name}}` placeholder, wherever the challenge's words and files
 * use it. Pure: the same seed always gives the same variant, on every machine, so an instructor
 * can hand out variants and grade against them later without storing anything but the seeds.
 */
import { createHmac } from 'node:crypto';
import type { Challenge, VariantParameter } from './schema.js';

export type VariantValues = Readonly<Record<string, string>>;

/**
 * The values a seed gives for a challenge's parameters. Each value depends on the seed, the
 * challenge id and the parameter's name only, so adding a parameter changes no other.
 *
 * @example
 * variantValues(challenge, 'alice-2026') // -> { apiKey: 'shipshape-9c2e41d07a', maxPids: '73' }
 */
export function variantValues(challenge: Pick<Challenge, 'id' | 'variants'>, seed: string): VariantValues {
  const values: Record<string, string> = {};
  for (const parameter of challenge.variants ?? []) {
    const digest = createHmac('sha256', seed).update(`${challenge.id}\0${parameter.name}`).digest();
    values[parameter.name] = drawValue(parameter, digest);
  }
  return values;
}

function drawValue(parameter: VariantParameter, digest: Buffer): string {
  switch (parameter.from) {
    case 'token':
      // Hex from the digest; a 40-digit token uses all 20 bytes of SHA-256's first 160 bits.
      return `${parameter.prefix}${digest.toString('hex').slice(0, parameter.length)}`;
    case 'integer':
      return String(parameter.min + (digest.readUInt32BE(0) % (parameter.max - parameter.min + 1)));
    case 'choice':
      return parameter.values[digest.readUInt32BE(0) % parameter.values.length] as string;
  }
}

/**
 * Replaces each parameter's default and `{{name}}` placeholder in `text` with its value. A
 * number is replaced only where it stands alone (10001 in `USER 10001:10001`, not in 100010).
 */
export function substituteVariant(text: string, parameters: readonly VariantParameter[], values: VariantValues): string {
  let result = text;
  for (const parameter of parameters) {
    const value = values[parameter.name];
    if (value === undefined) continue;
    result = result.split(`{{${parameter.name}}}`).join(value);
    const literal = String(parameter.default);
    result = parameter.from === 'integer' ? result.replace(new RegExp(`(?<![0-9])${literal}(?![0-9])`, 'g'), value) : result.split(literal).join(value);
  }
  return result;
}

/**
 * The challenge as a student with these values sees it: task, hints, checks' parameters, wrong
 * answers and alternative solutions substituted. Ids, files and rules stay as they are.
 */
export function variantChallenge(challenge: Challenge, values: VariantValues): Challenge {
  const parameters = challenge.variants ?? [];
  if (parameters.length === 0) return challenge;
  const text = (value: string) => substituteVariant(value, parameters, values);
  const files = (record: Record<string, string>) => Object.fromEntries(Object.entries(record).map(([file, content]) => [file, text(content)]));
  const runtime = challenge.checks.runtime;
  return {
    ...challenge,
    task: text(challenge.task),
    hints: challenge.hints.map(text),
    checks: {
      ...challenge.checks,
      ...(runtime ? { runtime: { ...runtime, probes: runtime.probes.map((probe) => ({ ...probe, with: substituteParams(probe.with, parameters, values) })) } } : {}),
    },
    negativeFixes: challenge.negativeFixes.map((fix) => ({ ...fix, files: files(fix.files) })),
    alternativeSolutions: challenge.alternativeSolutions.map((alternative) => ({ ...alternative, files: files(alternative.files) })),
  };
}

/** Probe parameters: strings are substituted, and a number equal to an integer parameter's default takes its value. */
function substituteParams(params: Record<string, unknown>, parameters: readonly VariantParameter[], values: VariantValues): Record<string, unknown> {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return substituteVariant(value, parameters, values);
    if (typeof value === 'number') {
      const parameter = parameters.find((p) => p.from === 'integer' && p.default === value);
      const replaced = parameter ? values[parameter.name] : undefined;
      return replaced === undefined ? value : Number(replaced);
    }
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return walk(params) as Record<string, unknown>;
}
