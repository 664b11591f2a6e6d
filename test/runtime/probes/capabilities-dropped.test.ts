import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { capabilitiesDropped } from '../../../src/runtime/probes/capabilities-dropped.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = (raw: Record<string, unknown> = {}) => capabilitiesDropped.params.parse(raw);

describe('probe capabilities-dropped', () => {
  it("fails with Docker's default set and names what root holds", async () => {
    const verdict = await capabilitiesDropped.run(await startProbeTarget(session), params());
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/holds CHOWN, DAC_OVERRIDE, .*NET_RAW.* \(CapEff 00000000a80425fb\)/);
  });

  it('passes with --cap-drop ALL', async () => {
    const verdict = await capabilitiesDropped.run(await startProbeTarget(session, { host: { CapDrop: ['ALL'] } }), params());
    expect(verdict).toMatchObject({ passed: true, evidence: expect.stringMatching(/holds no capabilities \(CapEff 0+\); its bounding set is no capabilities/) });
  });

  it('accepts an added capability only when the challenge allows it', async () => {
    const context = await startProbeTarget(session, { host: { CapDrop: ['ALL'], CapAdd: ['NET_BIND_SERVICE'] } });
    expect(await capabilitiesDropped.run(context, params({ allow: ['NET_BIND_SERVICE'] }))).toMatchObject({ passed: true });
    expect(await capabilitiesDropped.run(context, params())).toMatchObject({ passed: false, evidence: expect.stringMatching(/not needed: NET_BIND_SERVICE/) });
  });

  it('with bounding, fails a non-root app that kept the default bounding set', async () => {
    const context = await startProbeTarget(session, { user: '10001:10001' });
    expect(await capabilitiesDropped.run(context, params())).toMatchObject({ passed: true });
    expect(await capabilitiesDropped.run(context, params({ bounding: true }))).toMatchObject({ passed: false, evidence: expect.stringMatching(/a SUID program could still regain CHOWN/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
