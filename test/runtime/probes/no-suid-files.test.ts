import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { noSuidFiles } from '../../../src/runtime/probes/no-suid-files.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
const suidImage = await buildTestImage(session, {
  Dockerfile: 'FROM busybox:1.36.1\nRUN mkdir -p /usr/local/bin /opt && cp /bin/busybox /usr/local/bin/helper && chmod 4755 /usr/local/bin/helper && touch /opt/group-tool && chmod 2755 /opt/group-tool\nUSER 10001:10001\n',
});

describe('probe no-suid-files', () => {
  it('passes on busybox, which has no SUID file', async () => {
    expect(await noSuidFiles.run(await startProbeTarget(session), noSuidFiles.params.parse({}))).toEqual({ passed: true, evidence: expect.stringMatching(/found no SUID or SGID file/) });
  });

  it('lists SUID and SGID files, searching as root even when the app is not', async () => {
    const verdict = await noSuidFiles.run(await startProbeTarget(session, { image: suidImage }), noSuidFiles.params.parse({}));
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toMatch(/^SUID or SGID files in the image: /);
    expect(verdict.evidence).toContain('/usr/local/bin/helper');
    expect(verdict.evidence).toContain('/opt/group-tool');
  });

  it('accepts files the challenge allows', async () => {
    const verdict = await noSuidFiles.run(await startProbeTarget(session, { image: suidImage }), noSuidFiles.params.parse({ allow: ['/usr/local/bin/helper', '/opt/group-tool'] }));
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/\(allowed: .*helper/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
