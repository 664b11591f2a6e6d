/**
 * Hostile Dockerfiles against both builders: a RUN that floods the process table, one that
 * allocates far more memory than the cap, and one that writes gigabytes. Each is stopped by a
 * bound (limits.ts), and nothing of the session is left afterwards.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildFailedError, buildImage } from '../../src/runtime/build.js';
import { startContainer } from '../../src/runtime/container.js';
import { buildCaps, containerCaps } from '../../src/runtime/limits.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-bounds-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const builders = [
  ['classic', undefined],
  // Any secret (even none) sends the build through BuildKit.
  ['BuildKit', {}],
] as const;

async function hostileBuild(name: string, dockerfile: string, secrets: Record<string, string> | undefined, extra: { maxStepDiskBytes?: number } = {}) {
  const dir = path.join(scratch, `${name}-${secrets ? 'bk' : 'classic'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  // A fresh line each run: a cached step from an earlier run would prove nothing.
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile.replace(/^RUN /m, `RUN echo ${randomUUID()} >/dev/null; `));
  const session = new RuntimeSession(await testEngine());
  const log: string[] = [];
  const outcome = await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: session.imageTag(name), labels: session.labels(), secrets, onProgress: (line) => log.push(line), ...extra }).then(
    () => undefined,
    (error: unknown) => error,
  );
  await session.cleanup();
  const left = await labelledLeftovers(session.docker, { session: session.id });
  return { outcome, log: log.join('\n'), left };
}

describe.each(builders)('bounds on a %s build', (_builder, secrets) => {
  it('a fork flood in RUN stops at the PID cap', async () => {
    const { outcome, log, left } = await hostileBuild(
      'fork-flood',
      // Counted with shell builtins only (a glob and echo): a fork at the cap would fail.
      'FROM busybox:1.36.1\nRUN for i in $(seq 600); do sleep 20 & done 2>/dev/null; set -- /proc/[0-9]*; echo "processes=$#"\n',
      secrets,
    );
    // At the cap the shell's own forks fail, which ends the RUN; unbounded, it counts 600 and more.
    if (outcome === undefined) {
      const count = Number(/processes=(\d+)/.exec(log)?.[1]);
      expect(count).toBeGreaterThan(10);
      expect(count).toBeLessThanOrEqual(buildCaps.pidsLimit);
    } else {
      expect(outcome).toBeInstanceOf(BuildFailedError);
      expect(log).not.toMatch(/processes=([3-9]\d\d|\d{4,})/);
    }
    expect(left).toEqual({ containers: 0, images: 0 });
  });

  it('a RUN that allocates memory is killed at the memory cap', async () => {
    const { outcome, left } = await hostileBuild('memory-hog', 'FROM busybox:1.36.1\nRUN x="$(head -c 700m /dev/zero | tr "\\\\0" a)"; echo "held ${#x} bytes"\n', secrets);
    expect(outcome).toBeInstanceOf(BuildFailedError);
    expect((outcome as BuildFailedError).message).toMatch(/137|killed|signal/i);
    expect(left).toEqual({ containers: 0, images: 0 });
  });
});

describe('disk', () => {
  it('a classic RUN that writes gigabytes is stopped near the cap', async () => {
    const cap = 200 * 1024 * 1024;
    const { outcome, left } = await hostileBuild('disk-filler', 'FROM busybox:1.36.1\nRUN dd if=/dev/zero of=/filler bs=1M count=20000\n', undefined, { maxStepDiskBytes: cap });
    expect(outcome).toBeInstanceOf(BuildFailedError);
    expect((outcome as BuildFailedError).message).toBe('a build step wrote more than 200 MiB to disk and the build was stopped');
    expect(left).toEqual({ containers: 0, images: 0 });
  });

  it('a running container that fills its writable layer is killed and its check stopped', async () => {
    const session = new RuntimeSession(await testEngine());
    try {
      await startContainer(session, { image: 'busybox:1.36.1', labels: session.labels(), cmd: ['sh', '-c', 'dd if=/dev/zero of=/filler bs=1M count=20000; sleep 300'] });
      for (let attempt = 0; attempt < 120 && !session.signal.aborted; attempt++) await new Promise((resolve) => setTimeout(resolve, 250));
      expect(session.signal.aborted).toBe(true);
      expect((session.signal.reason as Error).message).toBe(`the container wrote more than ${containerCaps.writableLayerBytes / 1024 / 1024} MiB to its filesystem and was stopped`);
    } finally {
      await session.cleanup();
    }
    expect(await labelledLeftovers(session.docker, { session: session.id })).toEqual({ containers: 0, images: 0 });
  });

});

describe('what a build leaves', () => {
  it('a build cancelled during its last step leaves no layer, image or container of its own', async () => {
    const dir = path.join(scratch, 'cancelled');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), `FROM busybox:1.36.1\nRUN echo ${randomUUID()} > /marker\nENV STEP=3\nRUN sleep 30\n`);
    const session = new RuntimeSession(await testEngine());
    const lines: string[] = [];
    const build = buildImage(session, {
      contextDir: dir,
      dockerfile: 'Dockerfile',
      tag: session.imageTag('cancelled'),
      labels: session.labels(),
      onProgress: (line) => {
        lines.push(line);
        if (line.startsWith('Step 4/4')) setTimeout(() => void session.cleanup(), 300);
      },
    }).catch((error: unknown) => error);
    expect(await build).toBeInstanceOf(BuildFailedError);
    await session.cleanup();
    // The layers steps 2 and 3 committed (the output names them) are gone with the session.
    const committed = lines.map((line) => /^ ---> ([0-9a-f]{12})$/.exec(line)?.[1]).filter((id): id is string => id !== undefined).slice(1);
    expect(committed).toHaveLength(2);
    for (const id of committed) expect(await session.docker.getImage(id).inspect().then(() => 'present', () => 'gone')).toBe('gone');
    expect(await labelledLeftovers(session.docker, { session: session.id })).toEqual({ containers: 0, images: 0 });
  });
});
