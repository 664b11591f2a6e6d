import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackWriteSystemFiles } from '../../../src/runtime/probes/attack-write-system-files.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const params = attackWriteSystemFiles.params.parse({});

describe('attack attack-write-system-files', () => {
  it('works against a root app on a writable filesystem, and cleans up after itself', async () => {
    const context = await startProbeTarget(session);
    expect(await attackWriteSystemFiles.run(context, params)).toEqual({ passed: false, evidence: 'the attacker, running as the app, created files in /etc, /bin, / (removed again)' });
    expect((await context.exec(['sh', '-c', 'ls -a /etc /bin / | grep -c shipshape-probe'])).stdout.trim()).toBe('0');
  });

  it('fails against a read-only root filesystem, even as root', async () => {
    const context = await startProbeTarget(session, { host: { ReadonlyRootfs: true } });
    expect(await attackWriteSystemFiles.run(context, params)).toEqual({ passed: true, evidence: expect.stringMatching(/could not create files anywhere.*\/etc \(touch: .*Read-only file system\)/) });
  });

  it('fails against a non-root app', async () => {
    const context = await startProbeTarget(session, { user: '10001:10001' });
    expect(await attackWriteSystemFiles.run(context, params)).toMatchObject({ passed: true, evidence: expect.stringMatching(/Permission denied/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
