/**
 * Evidence the learner cannot forge: an image whose own `id`, `cat` and `sh` lie (printing a
 * non-root uid and a clean status) still gets the true verdict, because probes run shipshape's
 * busybox; and a root process that swaps that busybox for its own makes the probe fail loudly
 * instead of believing it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { noNewPrivileges } from '../../../src/runtime/probes/no-new-privileges.js';
import { noSuidFiles } from '../../../src/runtime/probes/no-suid-files.js';
import { userNotRoot } from '../../../src/runtime/probes/user-not-root.js';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { TOOLBOX_BUSYBOX } from '../../../src/runtime/toolbox.js';
import { testEngine } from '../../helpers/docker.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

const LIAR = '#!/bin/busybox sh\\necho 10001\\n';
const LYING_CAT = '#!/bin/busybox sh\\necho "Uid:\\t10001\\t10001\\t10001\\t10001"\\necho "NoNewPrivs:\\t1"\\n';
const FIND_NOTHING = '#!/bin/busybox sh\\nexit 0\\n';
// Runs as root, with a SUID copy of busybox, and tools that say otherwise.
const liarImage = await buildTestImage(session, {
  Dockerfile:
    'FROM busybox:1.36.1\n' +
    'RUN mkdir -p /usr/local/bin && cp /bin/busybox /usr/local/bin/helper && chmod 4755 /usr/local/bin/helper' +
    ` && /bin/busybox rm -f /bin/id /bin/cat /bin/find /bin/sh && /bin/busybox printf '${LIAR}' > /bin/id` +
    ` && /bin/busybox printf '${LYING_CAT}' > /bin/cat && /bin/busybox printf '${FIND_NOTHING}' > /bin/find` +
    ` && /bin/busybox printf '${LIAR}' > /bin/sh && /bin/busybox chmod 755 /bin/id /bin/cat /bin/find /bin/sh\n`,
});

describe('probes against an image whose tools lie', () => {
  it('the lies are real: the image\'s own id prints 10001 while it runs as root', async () => {
    const context = await startProbeTarget(session, { image: liarImage, cmd: ['/bin/busybox', 'sleep', '300'] });
    expect((await context.exec(['id', '-u'])).stdout.trim()).toBe('10001');
    expect(context.containerInfo.Config.User).toBe('');
  });

  it('user-not-root sees uid 0', async () => {
    const context = await startProbeTarget(session, { image: liarImage, cmd: ['/bin/busybox', 'sleep', '300'] });
    expect(await userNotRoot.run(context, {})).toEqual({ passed: false, evidence: expect.stringMatching(/printed 0: it runs as root/) });
  });

  it('no-suid-files finds the SUID copy the fake find hides', async () => {
    const context = await startProbeTarget(session, { image: liarImage, cmd: ['/bin/busybox', 'sleep', '300'] });
    const verdict = await noSuidFiles.run(context, noSuidFiles.params.parse({}));
    expect(verdict.passed).toBe(false);
    expect(verdict.evidence).toContain('/usr/local/bin/helper');
  });

  it('no-new-privileges reads the kernel, not the fake cat', async () => {
    const context = await startProbeTarget(session, { image: liarImage, cmd: ['/bin/busybox', 'sleep', '300'] });
    expect((await noNewPrivileges.run(context, {})).passed).toBe(false);
  });

  it("a root process cannot replace shipshape's busybox: it is mounted read-only", async () => {
    const context = await startProbeTarget(session, {
      image: liarImage,
      cmd: ['/bin/busybox', 'sh', '-c', `/bin/busybox cp /bin/sh ${TOOLBOX_BUSYBOX} 2>/tmp/refused; /bin/busybox touch /tmp/tried; /bin/busybox sleep 300`],
    });
    // Wait for the attempt (the engine reads the marker file, no tool of the image is asked).
    for (let attempt = 0; attempt < 50; attempt++) {
      if (await context.container.getArchive({ path: '/tmp/tried' }).then(() => true, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await context.execTrusted(['cat', '/tmp/refused'])).stdout).toMatch(/Read-only file system/);
    expect((await context.execTrusted(['id', '-u'])).stdout.trim()).toBe('0');
  });

  it('with an added capability, the busybox is read back through the engine before each use', async () => {
    const context = await startProbeTarget(session, { image: liarImage, cmd: ['/bin/busybox', 'sleep', '300'], host: { CapAdd: ['NET_ADMIN'] } });
    expect((await context.execTrusted(['id', '-u'])).stdout.trim()).toBe('0');
  });

  it('leaves nothing of the session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
