import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { noNewPrivileges } from '../../../src/runtime/probes/no-new-privileges.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe no-new-privileges', () => {
  it('fails by default and quotes the NoNewPrivs line', async () => {
    expect(await noNewPrivileges.run(await startProbeTarget(session), {})).toEqual({ passed: false, evidence: expect.stringContaining('`NoNewPrivs: 0`') });
  });

  it('passes with --security-opt no-new-privileges', async () => {
    const context = await startProbeTarget(session, { host: { SecurityOpt: ['no-new-privileges'] } });
    expect(await noNewPrivileges.run(context, {})).toEqual({ passed: true, evidence: expect.stringContaining('`NoNewPrivs: 1`') });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
