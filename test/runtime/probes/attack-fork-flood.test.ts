import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackForkFlood } from '../../../src/runtime/probes/attack-fork-flood.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = attackForkFlood.params.parse({ maxPids: 100 });

describe('attack attack-fork-flood', () => {
  it("works when only shipshape's own cap of 128 stands in the way", async () => {
    const context = await startProbeTarget(session);
    expect(await attackForkFlood.run(context, params)).toEqual({ passed: false, evidence: expect.stringMatching(/^the attacker ran 101 processes at once, more than the 100 allowed/) });
    // Every process of the chain was reaped: only pid 1 and this ps remain.
    expect((await context.exec(['ps', '-o', 'pid'])).stdout.trim().split('\n')).toHaveLength(3);
  });

  it("fails against the learner's own PID limit", async () => {
    const context = await startProbeTarget(session, { host: { PidsLimit: 40 } });
    const verdict = await attackForkFlood.run(context, params);
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/^the PID limit stopped the attacker at 3\d processes at once \(allowed: 100\)$/) });
    expect((await context.exec(['ps', '-o', 'pid'])).stdout.trim().split('\n')).toHaveLength(3);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
