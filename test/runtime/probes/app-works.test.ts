import { afterAll, describe, expect, it } from 'vitest';
import { appWorks } from '../../../src/runtime/probes/app-works.js';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

// A one-page server: busybox httpd serving a page written at start.
const server = ['sh', '-c', 'mkdir -p /tmp/www && echo "<h1>Status: all green</h1>" > /tmp/www/index.html && exec httpd -f -p 8080 -h /tmp/www'];
const quick = { Interval: 300_000_000, Timeout: 2_000_000_000, Retries: 1 };

describe('probe app-works', () => {
  it('rejects anything but exactly one shape', () => {
    expect(appWorks.params.safeParse({}).success).toBe(false);
    expect(appWorks.params.safeParse({ http: { port: 8080, contains: 'x' }, log: { contains: 'y' } }).success).toBe(false);
    expect(appWorks.params.parse({ http: { port: 8080, contains: 'x' } })).toEqual({ http: { port: 8080, path: '/', status: 200, contains: 'x' } });
  });

  it('http: passes when the page answers with its marker', async () => {
    const context = await startProbeTarget(session, { cmd: server });
    expect(await appWorks.run(context, appWorks.params.parse({ http: { port: 8080, contains: 'all green' } }))).toEqual({ passed: true, evidence: expect.stringMatching(/answered 200 with the expected page/) });
  });

  it('http: fails on a page without the marker, on a wrong status, and when nothing listens', async () => {
    const context = await startProbeTarget(session, { cmd: server });
    expect(await appWorks.run(context, appWorks.params.parse({ http: { port: 8080, contains: 'orders' } }))).toEqual({ passed: false, evidence: expect.stringMatching(/does not contain "orders"/) });
    expect(await appWorks.run(context, appWorks.params.parse({ http: { port: 8080, path: '/missing', contains: 'x' } }))).toEqual({ passed: false, evidence: expect.stringMatching(/answered HTTP\/1\.\d 404/) });
    const idle = await startProbeTarget(session);
    expect(await appWorks.run(idle, appWorks.params.parse({ http: { port: 8080, contains: 'x' } }))).toEqual({ passed: false, evidence: expect.stringMatching(/nothing answered GET http:\/\/127\.0\.0\.1:8080\/ .*Connection refused/) });
  });

  it('log: passes for a worker that logs its line and keeps running', async () => {
    const context = await startProbeTarget(session, { cmd: ['sh', '-c', 'echo "worker ready"; exec sleep 300'] });
    expect(await appWorks.run(context, appWorks.params.parse({ log: { contains: 'worker ready', stillRunningAfterMs: 1000 } }))).toEqual({ passed: true, evidence: expect.stringMatching(/logged "worker ready" and was still running/) });
  });

  it('log: fails for a worker that dies, and for one that never logs the line', async () => {
    const dies = await startProbeTarget(session, { cmd: ['sh', '-c', 'echo "worker ready"; sleep 0.2; exit 3'] });
    expect(await appWorks.run(dies, appWorks.params.parse({ log: { contains: 'worker ready', stillRunningAfterMs: 1500 } }))).toEqual({ passed: false, evidence: expect.stringMatching(/stopped \(exit 3\)/) });
    const silent = await startProbeTarget(session);
    expect(await appWorks.run(silent, appWorks.params.parse({ log: { contains: 'worker ready', stillRunningAfterMs: 1000 } }))).toEqual({ passed: false, evidence: expect.stringMatching(/no line with "worker ready"/) });
  });

  it('health: passes when the healthcheck asks the app\'s page and Docker reports healthy', async () => {
    const context = await startProbeTarget(session, { cmd: server, healthcheck: { Test: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1'], ...quick } });
    expect(await appWorks.run(context, appWorks.params.parse({ health: { port: 8080 } }))).toEqual({ passed: true, evidence: expect.stringMatching(/asks the app's own page .* reported healthy.*answers that page with 200/) });
  });

  it('health: fails for a check that asks something else, or that cannot fail', async () => {
    const always = await startProbeTarget(session, { cmd: server, healthcheck: { Test: ['CMD-SHELL', 'true'], ...quick } });
    expect(await appWorks.run(always, appWorks.params.parse({ health: { port: 8080 } }))).toEqual({ passed: false, evidence: expect.stringMatching(/does not ask the app's own page/) });
    const masked = await startProbeTarget(session, { cmd: server, healthcheck: { Test: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/ || true'], ...quick } });
    expect(await appWorks.run(masked, appWorks.params.parse({ health: { port: 8080 } }))).toEqual({ passed: false, evidence: expect.stringMatching(/ends with `\|\| true`/) });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
