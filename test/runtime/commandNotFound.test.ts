/**
 * A build step whose command is missing says so, on a real engine: "command not found: <name>"
 * with the learner's instruction, where the builder itself only says "returned a non-zero code:
 * 127", and the Dockerfile line of that step.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildFailedError, buildImage } from '../../src/runtime/build.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { testEngine } from '../helpers/docker.js';
import { BASE_IMAGE, sessionLeftovers } from '../helpers/probeContext.js';

const session = new RuntimeSession(await testEngine());
afterAll(() => session.cleanup());

async function buildFailure(dockerfile: string): Promise<BuildFailedError> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-127-'));
  try {
    writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
    const error = await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: `shipshape-test/missing:${randomUUID().slice(0, 8)}`, labels: session.labels() }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    if (!(error instanceof BuildFailedError)) throw new Error(`expected the build to fail, got ${String(error)}`);
    return error;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('a build step that exits 127', () => {
  it('names the missing command, the instruction and its line', async () => {
    const error = await buildFailure(`FROM ${BASE_IMAGE}\nWORKDIR /app\nRUN useradd -r -u 10001 app\n`);
    // The shell's own words, unless a busy engine ended the step before they reached the log.
    expect(error.message).toMatch(/^command not found: useradd, in `RUN useradd -r -u 10001 app` \((the shell said: \/bin\/sh: useradd: not found|the step exited 127, the shell's code for a missing command)\)$/);
    expect(error.line).toBe(3);
  });

  it('leaves nothing of its session behind', async () => {
    await session.cleanup();
    expect(await sessionLeftovers(session)).toBe(0);
  });
});
