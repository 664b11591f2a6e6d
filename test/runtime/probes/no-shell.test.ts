import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { noShell } from '../../../src/runtime/probes/no-shell.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';
import { DISTROLESS_DOCKERFILE } from './distrolessImage.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe no-shell', () => {
  it('fails on busybox, which has sh', async () => {
    expect(await noShell.run(await startProbeTarget(session), {})).toEqual({ passed: false, evidence: expect.stringMatching(/a shell runs in the container: `sh -c true` \(exit 0\)/) });
  });

  it('passes on an image from scratch without a shell', async () => {
    const image = await buildTestImage(session, { Dockerfile: DISTROLESS_DOCKERFILE });
    const context = await startProbeTarget(session, { image, cmd: ['/app/sleep', '300'] });
    expect(await noShell.run(context, {})).toEqual({ passed: true, evidence: 'none of sh, /bin/sh, /bin/bash, /bin/ash, busybox could be started in the container' });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
