import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { podResourcesApplied } from '../../../src/runtime/probes/pod-resources-applied.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const MiB = 1024 * 1024;

describe('probe pod-resources-applied', () => {
  it('passes limits.memory and limits.cpu in force', async () => {
    const context = await startProbeTarget(session, { host: { Memory: 128 * MiB, NanoCpus: 250_000_000 } });
    expect(await podResourcesApplied.run(context, podResourcesApplied.params.parse({ maxMemoryBytes: 256 * MiB }))).toMatchObject({ passed: true });
  });

  it("fails without limits of the manifest's own", async () => {
    const verdict = await podResourcesApplied.run(await startProbeTarget(session), podResourcesApplied.params.parse({ maxMemoryBytes: 256 * MiB }));
    expect(verdict).toMatchObject({ passed: false, evidence: expect.stringMatching(/no memory limit was set/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
