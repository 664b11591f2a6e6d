import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { exposedPortsMatch } from '../../../src/runtime/probes/exposed-ports-match.js';
import { testEngine } from '../../helpers/docker.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());
// A page on 8080 for everyone, and metrics on 9090 for the container itself only.
const serve = ['sh', '-c', 'mkdir -p /tmp/www && httpd -p 127.0.0.1:9090 -h /tmp/www && exec httpd -f -p 8080 -h /tmp/www'];

describe('probe exposed-ports-match', () => {
  it('passes when EXPOSE names the one port open beyond loopback', async () => {
    const image = await buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nEXPOSE 8080\n' });
    const verdict = await exposedPortsMatch.run(await startProbeTarget(session, { image, cmd: serve }), {});
    expect(verdict).toEqual({ passed: true, evidence: 'EXPOSE documents 8080/tcp; the app listens on 8080/tcp (and on 9090/tcp for the container itself only)' });
  });

  it('fails a wrong EXPOSE', async () => {
    const image = await buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nEXPOSE 80\n' });
    const verdict = await exposedPortsMatch.run(await startProbeTarget(session, { image, cmd: serve }), {});
    expect(verdict).toEqual({ passed: false, evidence: expect.stringMatching(/nothing listens on exposed 80\/tcp; 8080\/tcp is open but not documented$/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
