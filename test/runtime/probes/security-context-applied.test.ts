import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { securityContextApplied } from '../../../src/runtime/probes/security-context-applied.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const hardened = { ReadonlyRootfs: true, Tmpfs: { '/tmp': 'rw,size=16m' }, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] };

describe('probe security-context-applied', () => {
  it('passes a container run as 10001:10001 with every setting of a restricted securityContext', async () => {
    const context = await startProbeTarget(session, { user: '10001:10001', host: hardened });
    const verdict = await securityContextApplied.run(context, securityContextApplied.params.parse({ uid: 10001, gid: 10001 }));
    expect(verdict.passed).toBe(true);
    expect(verdict.evidence).toMatch(/user and group: .*uid=10001.*no new privileges: .*seccomp: .*read-only root filesystem: /);
  });

  it('names each part that does not hold: group 0 and a writable root', async () => {
    const context = await startProbeTarget(session, { user: '10001', host: { CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'] } });
    const verdict = await securityContextApplied.run(context, securityContextApplied.params.parse({}));
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/user and group: .*group 0.*read-only root filesystem: root could create a file in \/.*\(held: no new privileges, capabilities, seccomp\)/);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
