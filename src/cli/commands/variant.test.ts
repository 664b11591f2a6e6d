import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main.js';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

const scratch = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'shipshape-variant-')), 'out');

describe('shipshape variant', () => {
  it("writes a student's variant: the same files for the same seed, other values for another", async () => {
    const [a, again, b] = [scratch(), scratch(), scratch()];
    const first = await run(['variant', 'resource-limits-compose', '--seed', 'alice-2026', '--out', a, '--solution']);
    expect(first.code).toBe(0);
    const limit = /maxPids = (\d+)/.exec(first.stdout)?.[1];
    expect(Number(limit)).toBeGreaterThanOrEqual(40);
    expect(readFileSync(path.join(a, 'TASK.md'), 'utf8')).toContain(`a process limit of at most ${limit}`);
    expect(readdirSync(a).sort()).toEqual(['Dockerfile', 'TASK.md', 'compose.yaml', 'solution', 'worker.sh']);
    await run(['variant', 'resource-limits-compose', '--seed', 'alice-2026', '--out', again, '--solution']);
    for (const file of ['TASK.md', 'compose.yaml', 'solution/compose.yaml']) expect(readFileSync(path.join(again, file), 'utf8')).toBe(readFileSync(path.join(a, file), 'utf8'));
    const secret = await run(['variant', 'secret-baked-into-image', '--seed', 'bob-2026', '--out', b]);
    const key = /apiKey = (\S+)/.exec(secret.stdout)?.[1] ?? '';
    expect(key).toMatch(/^shipshape-demo-[0-9a-f]{8}$/);
    expect(key).not.toBe('shipshape-demo-7f3a9c1e');
    expect(readFileSync(path.join(b, '.env'), 'utf8')).toBe(`API_KEY=${key}\n`);
    expect(readFileSync(path.join(b, 'api_key.txt'), 'utf8')).toContain(key);
  });

  it('refuses a challenge without variants, a missing seed, and an --out that is in use', async () => {
    expect((await run(['variant', 'healthcheck', '--seed', 's', '--out', scratch()])).stderr).toMatch(/has no variant parameters; those with variants: .*resource-limits-compose/);
    expect((await run(['variant', 'resource-limits-compose', '--out', scratch()])).code).toBe(2);
    const used = scratch();
    await run(['variant', 'resource-limits-compose', '--seed', 's', '--out', used]);
    expect((await run(['variant', 'resource-limits-compose', '--seed', 's', '--out', used])).stderr).toMatch(/not an empty folder/);
  });
});
