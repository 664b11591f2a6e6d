/**
 * The offline stand-ins behave as the image challenges need (the global setup prepared them):
 * the gcc stand-in compiles the course's server.c into a static server and refuses any other
 * source, saying why; the distroless stand-in has no shell and runs as nonroot.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../src/runtime/session.js';
import { STATIC_SERVER_SOURCE } from '../../src/runtime/standIns/staticServerSource.js';
import { isStandInReference } from '../../src/runtime/standInImages.js';
import { testEngine } from '../helpers/docker.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('offline stand-in images', () => {
  it('are known by the names the challenges build FROM', () => {
    for (const name of ['gcc:13.2.0', 'debian:12.5', 'gcr.io/distroless/static-debian12:nonroot', 'docker.io/library/gcc:13.2.0']) expect(isStandInReference(name), name).toBe(true);
    expect(isStandInReference('gcc:14.1.0')).toBe(false);
  });

  it("gcc compiles the course's server.c, and the server runs on distroless as nonroot", async () => {
    const image = await buildTestImage(session, {
      'server.c': STATIC_SERVER_SOURCE,
      'index.html': 'stand-in page\n',
      Dockerfile: [
        'FROM gcc:13.2.0 AS build',
        'COPY server.c /src/',
        'RUN mkdir -p /out && gcc -Os -static -s -o /out/server /src/server.c',
        'FROM gcr.io/distroless/static-debian12:nonroot',
        'COPY --from=build /out/server /server',
        'COPY index.html /srv/www/',
        'CMD ["/server", "-p", "8080", "-d", "/srv/www"]',
        '',
      ].join('\n'),
    });
    const context = await startProbeTarget(session, { image, cmd: ['/server', '-p', '8080', '-d', '/srv/www'] });
    expect(context.containerInfo.State.Running).toBe(true);
    expect(context.image.Config.User).toBe('65532:65532');
    expect((await context.exec(['sh', '-c', 'true'])).exitCode).not.toBe(0);
    const logs = (await context.container.logs({ stdout: true, stderr: true })).toString('utf8');
    expect(logs).toContain('server: listening on port 8080, serving /srv/www');
  });

  it('refuses to compile any other source, and says so', async () => {
    const context = await startProbeTarget(session, { image: 'gcc:13.2.0' });
    const result = await context.exec(['sh', '-c', 'echo "int main(void) { return 0; }" > /tmp/other.c && gcc -o /tmp/other /tmp/other.c']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/\/tmp\/other\.c is not the course's server\.c; only that source compiles offline/);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
