/**
 * The caller's AbortSignal (watch mode cancelling a check when the file is saved again, the TUI's
 * `q`): aborting during the build or during a probe stops it, removes what the check created,
 * and the verdict says it was cancelled.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkChallenge } from '../../src/checks/checkChallenge.js';
import type { CheckEvent } from '../../src/checks/events.js';
import { challengeManifestSchema, type Challenge } from '../../src/content/schema.js';
import { CHALLENGE_LABEL } from '../../src/runtime/labels.js';
import { testEngine } from '../helpers/docker.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-cancel-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function challengeWith(dockerfile: string): { challenge: Challenge; dir: string } {
  const id = `cancel-${randomBytes(4).toString('hex')}`;
  const dir = path.join(scratch, id);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  const manifest = challengeManifestSchema.parse({
    formatVersion: 1, id, title: 'cancel', items: ['runtime.non-root'], order: 999, task: 'test', files: ['Dockerfile'],
    checks: { runtime: { images: ['busybox:1.36.1'], probes: [{ probe: 'user-not-root' }, { probe: 'no-new-privileges' }] } },
  });
  return { challenge: { ...manifest, folder: dir, hints: [] }, dir };
}

async function leftovers(challengeId: string): Promise<{ containers: number; images: number }> {
  const docker = await testEngine();
  const filters = JSON.stringify({ label: [`${CHALLENGE_LABEL}=${challengeId}`] });
  const [containers, images] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listImages({ filters })]);
  return { containers: containers.length, images: images.length };
}

describe('cancelling a running check', () => {
  it('during the build: the build stops, nothing is left, the verdict says cancelled', async () => {
    const { challenge, dir } = challengeWith(`FROM busybox:1.36.1\nRUN sleep 60 # ${randomBytes(4).toString('hex')}\nUSER 10001\n`);
    const controller = new AbortController();
    const events: CheckEvent[] = [];
    const verdict = await checkChallenge(challenge, {
      dir,
      staticOnly: false,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'build-step' && event.instruction.startsWith('RUN sleep')) setTimeout(() => controller.abort(), 300);
      },
    });
    expect(verdict).toMatchObject({ passed: false, cancelled: true });
    expect(verdict.checks.every((check) => !check.passed && /cancelled/.test(check.evidence))).toBe(true);
    expect(events.some((event) => event.type === 'probe-started')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'verdict', verdict });
    expect(await leftovers(challenge.id)).toEqual({ containers: 0, images: 0 });
  });

  it('during a probe: the probe stops, the container is removed, the verdict says cancelled', async () => {
    const { challenge, dir } = challengeWith('FROM busybox:1.36.1\nUSER 10001\nCMD ["sleep", "3600"]\n');
    const controller = new AbortController();
    const events: CheckEvent[] = [];
    const verdict = await checkChallenge(challenge, {
      dir,
      staticOnly: false,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === 'probe-started' && event.index === 0) controller.abort();
      },
    });
    expect(verdict).toMatchObject({ passed: false, cancelled: true });
    expect(verdict.checks.map((check) => check.evidence)).toEqual([expect.stringMatching(/cancelled/), expect.stringMatching(/cancelled/)]);
    expect(events.filter((event) => event.type === 'probe-started')).toHaveLength(1);
    expect(await leftovers(challenge.id)).toEqual({ containers: 0, images: 0 });
  });
});
