/** `shipshape rules` and `shipshape explain`: the rule reference, through main() as the CLI runs it. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { allRules, profileRules } from '../../src/rules/registry.js';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (text) => out.push(text), err: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('shipshape rules', () => {
  it('lists every rule, grouped by file kind, with its severity', async () => {
    const result = await run(['rules']);
    expect(result.code).toBe(0);
    for (const rule of [...allRules, ...profileRules]) expect(result.stdout).toContain(rule.meta.id);
    expect(result.stdout).toMatch(/^dockerfile:$/m);
    expect(result.stdout).toMatch(/kubernetes \(Pod Security profiles: pss-baseline, pss-restricted\):/);
    expect(result.stdout).toMatch(/dockerfile\/no-root-user\s+error\s+/);
  });

  it('gives every field as JSON', async () => {
    const result = await run(['rules', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as { version: number; rules: Record<string, unknown>[] };
    expect(parsed.version).toBe(1);
    expect(parsed.rules).toHaveLength(allRules.length + profileRules.length);
    const pin = parsed.rules.find((rule) => rule.id === 'dockerfile/pin-base-image');
    expect(Object.keys(pin ?? {}).sort()).toEqual(['differences', 'fix', 'id', 'item', 'profiles', 'references', 'severity', 'target', 'title', 'why']);
    expect(pin?.differences).toContainEqual(expect.objectContaining({ relation: 'stricter-than', peer: 'trivy:DS001' }));
    const probes = parsed.rules.find((rule) => rule.id === 'kubernetes/pss-host-probes');
    expect(probes?.profiles).toEqual(['pss-baseline', 'pss-restricted']);
  });

  it('refuses arguments', async () => {
    const result = await run(['rules', 'extra']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: shipshape rules');
  });
});

describe('shipshape explain', () => {
  it('explains a rule with its why, fix, item, references and differences', async () => {
    const result = await run(['explain', 'dockerfile/no-root-user']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^dockerfile\/no-root-user \(error\)$/m);
    expect(result.stdout).toContain('Why it matters:');
    expect(result.stdout).toContain('How to fix it:');
    expect(result.stdout).toContain('Checklist item: runtime.non-root');
    expect(result.stdout).toContain('Same check elsewhere: cis-docker:4.1');
    expect(result.stdout.replace(/\n\s+/g, ' ')).toMatch(/differs from hadolint:DL3002: .*every stage/);
    expect(result.stdout.split('\n').every((line) => line.length <= Math.max(80, process.stdout.columns ?? 80))).toBe(true);
  });

  it('names the profiles of a Pod Security control', async () => {
    const result = await run(['explain', 'kubernetes/pss-sysctls']);
    expect(result.stdout).toContain('Runs in profiles: pss-baseline, pss-restricted');
  });

  it('gives JSON', async () => {
    const result = await run(['explain', 'kubernetes/rbac-no-wildcards', '--json']);
    const parsed = JSON.parse(result.stdout) as { rule: { id: string; differences: unknown[] } };
    expect(parsed.rule.id).toBe('kubernetes/rbac-no-wildcards');
    expect(parsed.rule.differences).toHaveLength(1);
  });

  it.each([
    [['explain', 'no-root-user'], /unknown rule "no-root-user"; did you mean dockerfile\/no-root-user, compose\/no-root-user/],
    [['explain', 'dockerfile/nonsense'], /unknown rule "dockerfile\/nonsense"; `shipshape rules` lists them all/],
    [['explain'], /expected 1 argument, got 0/],
  ])('exits 2 on %j', async (args, message) => {
    const result = await run(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('Usage: shipshape explain');
  });
});
