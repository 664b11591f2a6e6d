import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { resourceLimits } from '../../../src/runtime/probes/resource-limits.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const MiB = 1024 * 1024;
const maxima = { maxMemoryBytes: 256 * MiB, maxPids: 100 };

describe('probe resource-limits', () => {
  it("fails without limits of the learner's own, even though shipshape's caps are in the cgroup", async () => {
    const verdict = await resourceLimits.run(await startProbeTarget(session), resourceLimits.params.parse(maxima));
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/no memory limit was set; no PID limit was set/);
    expect(verdict.evidence).toMatch(/memory(\.limit_in_bytes|\.max) 268435456 \(256 MiB\), pids\.max 128/);
  });

  it('passes limits within the maxima and shows them in the cgroup', async () => {
    const context = await startProbeTarget(session, { host: { Memory: 128 * MiB, PidsLimit: 64, NanoCpus: 500_000_000 } });
    const verdict = await resourceLimits.run(context, resourceLimits.params.parse({ ...maxima, requireCpuLimit: true }));
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/you asked for memory 128 MiB, PIDs 64, 0\.5 CPU; .*134217728 \(128 MiB\), pids\.max 64, .*\(0\.5 CPU\)/) });
  });

  it('fails limits above the maxima, though the caps keep the container itself small', async () => {
    const context = await startProbeTarget(session, { host: { Memory: 1024 * MiB, PidsLimit: 500 } });
    const verdict = await resourceLimits.run(context, resourceLimits.params.parse(maxima));
    expect(verdict).toMatchObject({ passed: false, evidence: expect.stringMatching(/memory limit 1 GiB is above the 256 MiB allowed; the PID limit 500 is above the 100 allowed/) });
  });

  it('requires a CPU limit only when asked to', async () => {
    const context = await startProbeTarget(session, { host: { Memory: 64 * MiB, PidsLimit: 32 } });
    expect(await resourceLimits.run(context, resourceLimits.params.parse({}))).toMatchObject({ passed: true });
    expect(await resourceLimits.run(context, resourceLimits.params.parse({ requireCpuLimit: true }))).toMatchObject({ passed: false, evidence: expect.stringMatching(/no CPU limit was set/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
