import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { healthy } from '../../../src/runtime/probes/healthy.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const quick = { Interval: 300_000_000, Timeout: 2_000_000_000, Retries: 1 };

describe('probe healthy', () => {
  it('passes when the healthcheck succeeds', async () => {
    const context = await startProbeTarget(session, { healthcheck: { Test: ['CMD', 'true'], ...quick } });
    expect(await healthy.run(context, healthy.params.parse({}))).toEqual({ passed: true, evidence: expect.stringMatching(/the healthcheck `true` reported healthy; last run exited 0/) });
  });

  it('fails with the last output when the healthcheck fails', async () => {
    const context = await startProbeTarget(session, { healthcheck: { Test: ['CMD-SHELL', 'echo no server on 8080; exit 1'], ...quick } });
    expect(await healthy.run(context, healthy.params.parse({}))).toEqual({ passed: false, evidence: expect.stringMatching(/reported unhealthy; last run exited 1 with output: no server on 8080/) });
  });

  it('fails without a healthcheck', async () => {
    expect(await healthy.run(await startProbeTarget(session), healthy.params.parse({}))).toEqual({ passed: false, evidence: expect.stringMatching(/no HEALTHCHECK/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
