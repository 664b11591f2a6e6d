import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { buildSecretUsed } from '../../../src/runtime/probes/build-secret-used.js';
import { secretFingerprint } from '../../../src/runtime/probes/buildSecretReceipt.js';
import { testEngine } from '../../helpers/docker.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const secret = 'probe-test-token-51c0';

describe('probe build-secret-used', () => {
  it('passes when the receipt in the image holds the secret fingerprint', async () => {
    const image = await buildTestImage(session, { Dockerfile: `FROM busybox:1.36.1\nRUN echo "token-sha256: ${secretFingerprint(secret)}" > /receipt\n` });
    const verdict = await buildSecretUsed.run(await startProbeTarget(session, { image }), { value: secret, receipt: '/receipt' });
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/^\/receipt holds the secret's SHA-256/) });
  });

  it('fails when the build wrote no receipt, or one for another value', async () => {
    const context = await startProbeTarget(session);
    expect((await buildSecretUsed.run(context, { value: secret, receipt: '/receipt' })).evidence).toMatch(/not in the image/);
    const image = await buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nRUN echo "token-sha256: 0000" > /receipt\n' });
    expect((await buildSecretUsed.run(await startProbeTarget(session, { image }), { value: secret, receipt: '/receipt' })).passed).toBe(false);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
