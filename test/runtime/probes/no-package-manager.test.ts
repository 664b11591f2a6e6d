import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { noPackageManager } from '../../../src/runtime/probes/no-package-manager.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';
import { DISTROLESS_DOCKERFILE } from './distrolessImage.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe no-package-manager', () => {
  it("fails on busybox, whose dpkg and rpm applets run", async () => {
    expect(await noPackageManager.run(await startProbeTarget(session), {})).toEqual({ passed: false, evidence: 'package managers that run in the container: dpkg, rpm' });
  });

  it('passes on an image from scratch', async () => {
    const image = await buildTestImage(session, { Dockerfile: DISTROLESS_DOCKERFILE });
    const context = await startProbeTarget(session, { image, cmd: ['/app/sleep', '300'] });
    expect(await noPackageManager.run(context, {})).toEqual({ passed: true, evidence: expect.stringMatching(/^none of apk, apt, .*npm is in the container$/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
