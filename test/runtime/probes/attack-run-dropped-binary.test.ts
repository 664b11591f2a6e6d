import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackRunDroppedBinary } from '../../../src/runtime/probes/attack-run-dropped-binary.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = attackRunDroppedBinary.params.parse({});

describe('attack attack-run-dropped-binary', () => {
  it('works against a root app on a writable filesystem', async () => {
    const verdict = await attackRunDroppedBinary.run(await startProbeTarget(session), params);
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/^the attacker dropped a program and ran it from \/tmp, \/ \(removed again\); elsewhere: .*\/dev\/shm: written but not executable \(permission denied, a noexec mount\)/) });
  });

  it('fails with --read-only and a tmpfs, which Docker mounts noexec', async () => {
    const verdict = await attackRunDroppedBinary.run(await startProbeTarget(session, { host: { ReadonlyRootfs: true, Tmpfs: { '/tmp': '' } } }), params);
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/^no dropped program could run: \/tmp: written but not executable .*\/: cannot write \(.*Read-only file system\)/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
