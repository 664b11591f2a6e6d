import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackReadBakedSecret } from '../../../src/runtime/probes/attack-read-baked-secret.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';
import { SECRET, secretImages } from './secretImages.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const images = secretImages(session);

describe('attack attack-read-baked-secret', () => {
  it('finds a secret file left in the image', async () => {
    const context = await startProbeTarget(session, { image: await images.keptFile(), user: '10001:10001' });
    expect(await attackReadBakedSecret.run(context, { value: SECRET })).toEqual({ passed: false, evidence: 'the attacker, running as the app, found the secret in file /app/.env' });
  });

  it("finds an ENV secret in the app's environment", async () => {
    const context = await startProbeTarget(session, { image: await images.inConfig() });
    expect(await attackReadBakedSecret.run(context, { value: SECRET })).toEqual({ passed: false, evidence: expect.stringMatching(/found the secret in the app's environment variable API_KEY/) });
  });

  it('does not see a file deleted by a later step (only the layer scan of secret-absent does)', async () => {
    const context = await startProbeTarget(session, { image: await images.deletedLater() });
    expect(await attackReadBakedSecret.run(context, { value: SECRET })).toMatchObject({ passed: true, evidence: expect.stringMatching(/did not find the secret/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
