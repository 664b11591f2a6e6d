import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { attackSuidEscalation } from '../../../src/runtime/probes/attack-suid-escalation.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
// "The app needs to ping": a SUID copy of busybox, the kind of shortcut the lesson warns about.
const suidImage = await buildTestImage(session, {
  Dockerfile: 'FROM busybox:1.36.1\nRUN mkdir -p /usr/local/bin && cp /bin/busybox /usr/local/bin/nettool && chmod 4755 /usr/local/bin/nettool\nUSER 10001:10001\n',
});

describe('attack attack-suid-escalation', () => {
  it('works against a SUID-root busybox copy: root uid and a raw socket', async () => {
    const verdict = await attackSuidEscalation.run(await startProbeTarget(session, { image: suidImage }), {});
    expect(verdict).toEqual({
      passed: false,
      evidence: expect.stringMatching(/^the attacker \(as the app, uid 10001\) ran SUID-root programs and gained root: \/usr\/local\/bin\/nettool: a process it started had effective uid 0 \(root\) and it opened a raw socket/),
    });
  });

  it('plays nobody when the app runs as root', async () => {
    const verdict = await attackSuidEscalation.run(await startProbeTarget(session, { image: suidImage, user: '0' }), {});
    expect(verdict).toMatchObject({ passed: false, evidence: expect.stringMatching(/^the attacker \(as nobody, uid 65534.*gained root/) });
  });

  it('fails with no-new-privileges', async () => {
    const verdict = await attackSuidEscalation.run(await startProbeTarget(session, { image: suidImage, host: { SecurityOpt: ['no-new-privileges'] } }), {});
    expect(verdict).toEqual({ passed: true, evidence: 'the attacker (as the app, uid 10001) ran /usr/local/bin/nettool but did not get root\'s uid' });
  });

  it('fails when the image has no SUID program', async () => {
    expect(await attackSuidEscalation.run(await startProbeTarget(session, { user: '10001:10001' }), {})).toEqual({ passed: true, evidence: 'the attacker (as the app, uid 10001) found no SUID-root program to abuse' });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
