import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { buildToolsLeftBehind } from '../../../src/runtime/probes/build-tools-left-behind.js';
import { testEngine } from '../../helpers/docker.js';
import { DISTROLESS_DOCKERFILE } from './distrolessImage.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
// busybox:1.36.1 stands in as the builder: it has /bin/sh and BusyBox's dpkg.
const params = buildToolsLeftBehind.params.parse({ builderImage: 'busybox:1.36.1', paths: ['/bin/sh', '/bin/dpkg'] });

describe('probe build-tools-left-behind', () => {
  it('passes a final image from scratch that has none of what the builder had', async () => {
    const image = await buildTestImage(session, { Dockerfile: DISTROLESS_DOCKERFILE });
    const verdict = await buildToolsLeftBehind.run(await startProbeTarget(session, { image, cmd: ['/app/sleep', '300'] }), params);
    expect(verdict).toEqual({ passed: true, evidence: "the builder's image busybox:1.36.1 has /bin/sh, /bin/dpkg; the final image has none of them" });
  });

  it('fails a final image built on the builder', async () => {
    const verdict = await buildToolsLeftBehind.run(await startProbeTarget(session), params);
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/final image still has \/bin\/sh, \/bin\/dpkg/) });
  });

  it('leaves nothing of its session behind, the builder container included', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
