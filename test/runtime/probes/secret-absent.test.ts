import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { secretAbsent } from '../../../src/runtime/probes/secret-absent.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';
import { SECRET, secretImages } from './secretImages.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const images = secretImages(session);

describe('probe secret-absent', () => {
  it('passes when the secret stayed out of the image, saying how much it searched', async () => {
    const context = await startProbeTarget(session, { image: await images.clean() });
    expect(await secretAbsent.run(context, { value: SECRET })).toEqual({ passed: true, evidence: expect.stringMatching(/not in the image config, its history, nor any layer \(\d+\.\d MB of files searched\)$/) });
  });

  it('finds a secret file that a later step deleted, in the layer that added it', async () => {
    const context = await startProbeTarget(session, { image: await images.deletedLater() });
    const verdict = await secretAbsent.run(context, { value: SECRET });
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/^the secret is in the image: in layer \d of \d, file app\/\.env$/) });
  });

  it('finds ENV and a build argument recorded in history, without printing the secret', async () => {
    const context = await startProbeTarget(session, { image: await images.inConfig() });
    const verdict = await secretAbsent.run(context, { value: SECRET });
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toContain('in ENV API_KEY');
    expect(verdict.evidence).toContain('in history: ENV API_KEY=***');
    expect(verdict.evidence).toContain('in history: RUN echo building (build arguments recorded with it: TOKEN=***)');
    expect(verdict.evidence).not.toContain(SECRET);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
