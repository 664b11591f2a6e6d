import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { rootfsReadOnly } from '../../../src/runtime/probes/rootfs-read-only.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = (raw: Record<string, unknown> = {}) => rootfsReadOnly.params.parse(raw);

describe('probe rootfs-read-only', () => {
  it('fails on a writable root filesystem', async () => {
    const verdict = await rootfsReadOnly.run(await startProbeTarget(session), params());
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/root could create a file in \/; root could create a file in \/etc/) });
  });

  it('fails for a non-root app on a writable filesystem: permissions are not read-only', async () => {
    const verdict = await rootfsReadOnly.run(await startProbeTarget(session, { user: '10001:10001', host: { Tmpfs: { '/tmp': '' } } }), params());
    expect(verdict).toMatchObject({ passed: false, evidence: expect.stringMatching(/root could create a file in \//) });
  });

  it('passes with --read-only and a tmpfs at /tmp, saying the app can still write there', async () => {
    const context = await startProbeTarget(session, { host: { ReadonlyRootfs: true, Tmpfs: { '/tmp': '' } } });
    const verdict = await rootfsReadOnly.run(context, params());
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/writing to \/ as root failed \(.*Read-only file system\).*the app can still write to \/tmp/) });
  });

  it('passes a non-root app writing to its own tmpfs', async () => {
    // A tmpfs at a new path is world-writable; one at /tmp copies the image's /tmp mode.
    const context = await startProbeTarget(session, { user: '10001:10001', host: { ReadonlyRootfs: true, Tmpfs: { '/srv/data': '' } } });
    expect(await rootfsReadOnly.run(context, params({ writable: ['/srv/data'] }))).toMatchObject({ passed: true, evidence: expect.stringMatching(/the app can still write to \/srv\/data$/) });
  });

  it('fails with --read-only when the folder the app needs is not writable', async () => {
    const verdict = await rootfsReadOnly.run(await startProbeTarget(session, { host: { ReadonlyRootfs: true } }), params());
    expect(verdict).toMatchObject({ passed: false, evidence: expect.stringMatching(/the app cannot write to \/tmp, which it needs/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
