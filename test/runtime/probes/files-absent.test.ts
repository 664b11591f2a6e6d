import { afterAll, describe, expect, it } from 'vitest';
import { RuntimeSession } from '../../../src/runtime/session.js';
import { testEngine } from '../../helpers/docker.js';
import { filesAbsent } from '../../../src/runtime/probes/files-absent.js';
import { buildTestImage, sessionLeftovers, startProbeTarget } from '../../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

describe('probe files-absent', () => {
  it('finds .env and .git copied with the whole context into WORKDIR', async () => {
    const image = await buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /app\nCOPY . .\n', '.env': 'X=1\n', '.git/config': '[core]\n', 'server.sh': 'echo hi\n' });
    const verdict = await filesAbsent.run(await startProbeTarget(session, { image }), filesAbsent.params.parse({}));
    expect(verdict).toEqual({ passed: false, evidence: 'found in the container: /app/.env, /app/.git' });
  });

  it('passes when only the needed file was copied', async () => {
    const image = await buildTestImage(session, { Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /app\nCOPY server.sh .\n', '.env': 'X=1\n', 'server.sh': 'echo hi\n' });
    const verdict = await filesAbsent.run(await startProbeTarget(session, { image }), filesAbsent.params.parse({}));
    expect(verdict).toEqual({ passed: true, evidence: expect.stringMatching(/^none of \/app\/\.env, \/app\/\.git, .* is in the container$/) });
  });

  it('looks from the given root, and takes absolute paths as they are', async () => {
    const context = await startProbeTarget(session);
    expect(await filesAbsent.run(context, filesAbsent.params.parse({ paths: ['passwd', '/bin/sh'], root: '/etc' }))).toEqual({ passed: false, evidence: 'found in the container: /etc/passwd, /bin/sh' });
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
