/**
 * Checks that share an engine: four CLIs checking at once (each sweeping at its start, each
 * building on the same cached layers) reach the verdicts they reach alone, round after round,
 * and each leaves nothing of its own behind.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const cases = [
  { id: 'non-root-dockerfile', dir: 'challenges/04-runtime/01-non-root-dockerfile/solution', code: 0 },
  { id: 'non-root-dockerfile', dir: 'challenges/04-runtime/01-non-root-dockerfile/broken', code: 1 },
  { id: 'suid-escalation', dir: 'challenges/02-images/05-suid-escalation/solution', code: 0 },
  { id: 'suid-escalation', dir: 'challenges/02-images/05-suid-escalation/broken', code: 1 },
];

describe('four checks at once on one engine', () => {
  it('three rounds: every verdict as when run alone, nothing left behind', async () => {
    const docker = await testEngine();
    for (let round = 1; round <= 3; round++) {
      const results = await Promise.all(cases.map((c) => runCli(['check', c.id, '--dir', path.join(repoRoot, c.dir), '--json'])));
      for (const [index, result] of results.entries()) {
        const expected = cases[index]!;
        expect({ round, check: `${expected.id} ${expected.dir}`, code: result.code, stderr: result.code === expected.code ? '' : result.stderr + result.stdout }).toEqual({
          round,
          check: `${expected.id} ${expected.dir}`,
          code: expected.code,
          stderr: '',
        });
        expect(result.stdout).not.toMatch(/unknown parent image|internal error/);
        expect(await labelledLeftovers(docker, { pid: result.pid! })).toEqual({ containers: 0, images: 0 });
      }
    }
  });
});
