import { afterAll, describe, expect, it } from 'vitest';
import { groupNotRoot } from '../../../src/runtime/probes/group-not-root.js';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe group-not-root', () => {
  it('passes for a uid and gid of their own', async () => {
    expect(await groupNotRoot.run(await startProbeTarget(session, { user: '10001:10001' }), {})).toEqual({ passed: true, evidence: '`id -g` inside the container printed 10001; groups: 10001' });
  });

  it('fails for a uid without a group, which keeps gid 0', async () => {
    expect(await groupNotRoot.run(await startProbeTarget(session, { user: '10001' }), {})).toEqual({ passed: false, evidence: expect.stringMatching(/printed 0: the process runs in root's group/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
