import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackUseCapability } from '../../../src/runtime/probes/attack-use-capability.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = (raw: Record<string, unknown> = {}) => attackUseCapability.params.parse(raw);

describe('attack attack-use-capability', () => {
  it("works against root with Docker's default capabilities", async () => {
    const verdict = await attackUseCapability.run(await startProbeTarget(session), params());
    expect(verdict.passed).toBe(false);
    for (const capability of ['CHOWN', 'DAC_OVERRIDE', 'MKNOD', 'NET_RAW', 'SETUID', 'SYS_CHROOT']) expect(verdict.evidence).toContain(`(${capability})`);
  });

  it('fails against root with --cap-drop ALL', async () => {
    const verdict = await attackUseCapability.run(await startProbeTarget(session, { host: { CapDrop: ['ALL'] } }), params());
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/^every capability attack was refused; refused: give a file to another user with `chown` \(CHOWN\): .*Operation not permitted/) });
  });

  it('fails against root that dropped all but an allowed capability', async () => {
    const context = await startProbeTarget(session, { host: { CapDrop: ['ALL'], CapAdd: ['NET_RAW'] } });
    expect(await attackUseCapability.run(context, params({ allow: ['NET_RAW'] }))).toMatchObject({ passed: true });
    expect(await attackUseCapability.run(context, params())).toMatchObject({ passed: false, evidence: expect.stringMatching(/could open a raw socket with `ping` \(NET_RAW\)/) });
  });

  it('fails against a non-root app', async () => {
    expect(await attackUseCapability.run(await startProbeTarget(session, { user: '10001:10001' }), params())).toMatchObject({ passed: true });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
