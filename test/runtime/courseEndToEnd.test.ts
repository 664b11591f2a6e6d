/**
 * The course as a learner uses it, end to end: the real CLI in a pseudo-terminal, its checks on
 * the real engine (the challenge's runtime half included). Open a
 * challenge, check it (it fails), turn on watch mode, save the fix into the workspace file,
 * watch turns it green, the diff shows, quit; start again and the map marks it passed.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loadCourse.js';
import { repoRoot } from '../helpers/cli.js';
import { runInTerminal } from '../helpers/terminal.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'shipshape-e2e-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
// CI=true, as .ci/run and many shells set it: Ink would then draw only the last frame, but a
// terminal on both ends means a person is watching, so the course must draw every frame.
const env = { SHIPSHAPE_HOME: home, NO_COLOR: '1', VISUAL: '', EDITOR: '', CI: 'true' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));
const solution = readFileSync(path.join(repoRoot, 'challenges/02-images/03-pin-base-image/solution/Dockerfile'), 'utf8');

const passedOne = `1/${loadCourse().challenges.length} challenges passed`;

describe('the course in a terminal', () => {
  it('fails, watches a fix turn green, shows the diff, and remembers the pass', async () => {
    const first = runInTerminal([], env);
    try {
      await first.waitFor('Threat model');
      // Ink takes the keyboard (raw mode) just after its first frame; a person is never faster.
      await settle();
      await first.press('/', ...'pin-base-image');
      await first.waitFor('(pin-base-image)');
      await first.press('\r');
      await first.waitFor('enter open');
      await first.press('\r');
      await first.waitFor('Challenge · pin-base-image');
      await settle();
      await first.press('c');
      // The first check builds the image and starts the container: on a cold engine that takes a while.
      const failed = await first.waitFor('checks fail', 120_000);
      expect(failed).toContain('Dockerfile:3:1');
      await first.press('w');
      await first.waitFor('watching for saves');
      writeFileSync(path.join(home, 'workspace/pin-base-image/Dockerfile'), solution);
      await first.waitFor('Challenge passed', 120_000);
      await first.press('d');
      const diff = await first.waitFor('Your files against the reference solution');
      expect(diff).toContain('Dockerfile: the same as the solution');
      await first.press('q');
      expect(await first.exited).toBe(0);
    } finally {
      first.kill();
    }

    const progress = JSON.parse(readFileSync(path.join(home, 'progress.json'), 'utf8')) as { challenges: Record<string, { passedAt?: string; attempts: number }> };
    // c, then w (which checks once on starting), then the save: three checks recorded.
    expect(progress.challenges['pin-base-image']).toMatchObject({ attempts: 3, passedAt: expect.any(String) });

    const again = runInTerminal([], env);
    try {
      const map = await again.waitFor(passedOne);
      expect(map).toContain(passedOne);
      await settle();
      await again.press('/', ...'pin-base-image');
      const found = await again.waitFor(/✓ challenge Which busybox did we build on\? \(pin-base-image\)/);
      expect(found).toMatch(/✓ challenge/);
      await again.press('\u0003');
      expect(await again.exited).toBe(0);
    } finally {
      again.kill();
    }
  }, 360_000);
});
