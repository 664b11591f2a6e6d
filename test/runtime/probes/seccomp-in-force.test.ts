import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { seccompInForce } from '../../../src/runtime/probes/seccomp-in-force.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe seccomp-in-force', () => {
  it("passes under Docker's default profile: Seccomp 2, and unshare -U is refused", async () => {
    const verdict = await seccompInForce.run(await startProbeTarget(session), {});
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/Seccomp: 2.*refused: "unshare: .*Operation not permitted"/) });
  });

  it('fails in a container started with seccomp=unconfined (made here directly; the runner refuses it)', async () => {
    const verdict = await seccompInForce.run(await startProbeTarget(session, { host: { SecurityOpt: ['seccomp=unconfined'] } }), {});
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/Seccomp: 0.*no seccomp filter/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
