import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { imageSize } from '../../../src/runtime/probes/image-size.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe image-size', () => {
  it('passes a small image and fails it against a tighter limit, in MB', async () => {
    const context = await startProbeTarget(session);
    expect(await imageSize.run(context, { maxBytes: 5_000_000 })).toEqual({ passed: true, evidence: expect.stringMatching(/^the image is [12]\.\d MB, within the 5\.0 MB allowed$/) });
    expect(await imageSize.run(context, { maxBytes: 1_000_000 })).toEqual({ passed: false, evidence: expect.stringMatching(/above the 1\.0 MB allowed$/) });
  });

  it('requires a maximum', () => {
    expect(imageSize.params.safeParse({}).success).toBe(false);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
