import { describe, expect, it } from 'vitest';
import type { Challenge } from './schema.js';
import { challengeManifestSchema } from './schema.js';
import { substituteVariant, variantChallenge, variantValues } from './variants.js';

const challenge: Challenge = {
  ...challengeManifestSchema.parse({
    formatVersion: 1,
    id: 'limits',
    title: 'Limits',
    items: ['runtime.resource-limits'],
    order: 1,
    task: 'Allow at most 100 processes; the key is shipshape-demo-1234 ({{apiKey}}).',
    files: ['compose.yaml'],
    checks: { static: [{ rule: 'compose/pids-limit' }], runtime: { run: { from: 'compose', file: 'compose.yaml', service: 'app' }, probes: [{ probe: 'attack-fork-flood', with: { maxPids: 100, note: 'at most 100' } }] } },
    negativeFixes: [{ name: 'too many', files: { 'compose.yaml': 'pids_limit: 1000\nkey: shipshape-demo-1234\n' } }],
    variants: [
      { name: 'maxPids', from: 'integer', default: 100, min: 40, max: 90 },
      { name: 'apiKey', from: 'token', default: 'shipshape-demo-1234', prefix: 'shipshape-', length: 10 },
    ],
  }),
  folder: 'challenges/x',
  hints: ['Stay under 100.'],
};

describe('variants', () => {
  it('draws the same values from the same seed, and other values from another', () => {
    const a = variantValues(challenge, 'alice-seed');
    expect(variantValues(challenge, 'alice-seed')).toEqual(a);
    expect(Number(a.maxPids)).toBeGreaterThanOrEqual(40);
    expect(Number(a.maxPids)).toBeLessThanOrEqual(90);
    expect(a.apiKey).toMatch(/^shipshape-[0-9a-f]{10}$/);
    const seeds = Array.from({ length: 20 }, (_, i) => variantValues(challenge, `seed-${i}`).apiKey);
    expect(new Set(seeds).size).toBe(20);
  });

  it('replaces the default and the placeholder; a number only where it stands alone', () => {
    const values = { maxPids: '73', apiKey: 'shipshape-abc' };
    expect(substituteVariant('pids_limit: 100 # not 1000 or 2100\nkey={{apiKey}} or shipshape-demo-1234', challenge.variants ?? [], values)).toBe(
      'pids_limit: 73 # not 1000 or 2100\nkey=shipshape-abc or shipshape-abc',
    );
  });

  it("substitutes the task, hints, checks' parameters and wrong answers, and leaves ids and rules alone", () => {
    const variant = variantChallenge(challenge, { maxPids: '55', apiKey: 'shipshape-xyz' });
    expect(variant.task).toBe('Allow at most 55 processes; the key is shipshape-xyz (shipshape-xyz).');
    expect(variant.hints).toEqual(['Stay under 55.']);
    expect(variant.checks.runtime?.probes[0]?.with).toEqual({ maxPids: 55, note: 'at most 55' });
    expect(variant.negativeFixes[0]?.files['compose.yaml']).toBe('pids_limit: 1000\nkey: shipshape-xyz\n');
    expect(variant.id).toBe('limits');
    expect(variant.checks.static).toEqual(challenge.checks.static);
    expect(challenge.task).toContain('100');
  });

  it('leaves a challenge without variants as it is', () => {
    const plain = { ...challenge, variants: undefined };
    expect(variantChallenge(plain, {})).toBe(plain);
    expect(variantValues(plain, 's')).toEqual({});
  });

  it('refuses a parameter whose range is upside down', () => {
    const bad = challengeManifestSchema.safeParse({ ...challenge, folder: undefined, hints: undefined, variants: [{ name: 'x', from: 'integer', default: 1, min: 5, max: 2 }] });
    expect(bad.success).toBe(false);
  });
});
