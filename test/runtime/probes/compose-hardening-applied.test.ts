import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { composeHardeningApplied } from '../../../src/runtime/probes/compose-hardening-applied.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe compose-hardening-applied', () => {
  it('passes a service with user, read_only + tmpfs, cap_drop ALL and no-new-privileges', async () => {
    const context = await startProbeTarget(session, { user: '1000:1000', host: { ReadonlyRootfs: true, Tmpfs: { '/tmp': 'rw' }, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges:true'] } });
    expect(await composeHardeningApplied.run(context, composeHardeningApplied.params.parse({ uid: 1000, gid: 1000 }))).toMatchObject({ passed: true });
  });

  it('fails the defaults of a service with nothing set, naming every part', async () => {
    const verdict = await composeHardeningApplied.run(await startProbeTarget(session), composeHardeningApplied.params.parse({}));
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/user and group: .*runs as root.*no new privileges: .*capabilities: .*read-only root filesystem: .*\(held: seccomp\)/);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
