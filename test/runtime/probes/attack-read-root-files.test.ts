import { standInShadow } from '../../../src/runtime/busyboxStandInTools.js';
import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackReadRootFiles } from '../../../src/runtime/probes/attack-read-root-files.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = attackReadRootFiles.params.parse({});

describe('attack attack-read-root-files', () => {
  it('works against a root app', async () => {
    expect(await attackReadRootFiles.run(await startProbeTarget(session), params)).toEqual({ passed: false, evidence: `the attacker, running as the app (uid=0(root) gid=0(root) groups=0(root),10(wheel)), read /etc/shadow (${standInShadow.trim().split('\n').length} lines)` });
  });

  it('works against USER 10001 without a group, which keeps group root', async () => {
    expect(await attackReadRootFiles.run(await startProbeTarget(session, { user: '10001' }), params)).toMatchObject({ passed: false, evidence: expect.stringMatching(/\(uid=10001 gid=0\(root\).*read \/etc\/shadow/) });
  });

  it('fails against USER 10001:10001', async () => {
    expect(await attackReadRootFiles.run(await startProbeTarget(session, { user: '10001:10001' }), params)).toEqual({ passed: true, evidence: expect.stringMatching(/could not read \/etc\/shadow: cat: can't open '\/etc\/shadow': Permission denied/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
