/**
 * Building on a real engine: a build that outlives its timeout is really stopped and leaves no
 * container running; the context is capped, keeps symlinks as links and honours .dockerignore;
 * BuildKit secrets reach the RUN that mounts them and nothing else; BuildKit failures point at
 * the learner's line.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterEach, describe, expect, it } from 'vitest';
import { BuildFailedError, buildImage } from '../../src/runtime/build.js';
import { standInPasswd } from '../../src/runtime/busyboxStandInTools.js';
import { execInContainer, startContainer } from '../../src/runtime/container.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { testEngine } from '../helpers/docker.js';

const folders: string[] = [];
const sessions: RuntimeSession[] = [];

afterEach(async () => {
  await Promise.all(sessions.splice(0).map((session) => session.cleanup()));
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function contextWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-build-'));
  folders.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

async function newSession(): Promise<RuntimeSession> {
  const session = new RuntimeSession(await testEngine());
  sessions.push(session);
  return session;
}

function tagFor(name: string): string {
  return `shipshape-test/${name}:${process.pid}-${randomUUID().slice(0, 8)}`;
}

async function buildFailure(promise: Promise<void>): Promise<BuildFailedError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BuildFailedError);
  return error as BuildFailedError;
}

/** Containers whose command carries `marker`, running or not. */
async function containersWithMarker(docker: Docker, marker: string): Promise<Docker.ContainerInfo[]> {
  const all = await docker.listContainers({ all: true });
  return all.filter((info) => info.Command.includes(marker));
}

/** Polls until `check` holds; the engine removes a cancelled build's container a moment after the request ends. */
async function eventually(check: () => Promise<boolean>, attempts = 60): Promise<boolean> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

describe('buildImage', () => {
  it('stops a build whose RUN outlives the timeout and leaves no container of it behind', async () => {
    const session = await newSession();
    const marker = `shipshape-sleeper-${randomUUID()}`;
    const dir = contextWith({ Dockerfile: `FROM busybox:1.36.1\nRUN sleep 600 && echo ${marker}\n` });
    const builderContainers: string[] = [];
    const error = await buildFailure(
      buildImage(session, {
        contextDir: dir,
        dockerfile: 'Dockerfile',
        tag: tagFor('sleeper'),
        labels: session.labels(),
        timeoutMs: 4_000,
        onProgress: (line) => {
          const running = /^ ---> Running in ([0-9a-f]+)/.exec(line)?.[1];
          if (running) builderContainers.push(running);
        },
      }),
    );
    expect(error.message).toBe('the build took longer than 4 s and was stopped');
    expect(error.step).toMatch(/^Step 2\/\d+ : RUN sleep 600/);
    expect(error.line).toBe(2);
    // The builder's intermediate container really ran the sleep, and is then killed and removed.
    const docker = session.docker;
    expect(builderContainers).toHaveLength(1);
    expect(await eventually(async () => (await containersWithMarker(docker, marker)).length === 0)).toBe(true);
    const gone = await docker.getContainer(builderContainers[0]!).inspect().then(() => false, (error: { statusCode?: number }) => error.statusCode === 404);
    expect(gone).toBe(true);
  }, 30_000);

  it('refuses a context over the limit, naming the limit', async () => {
    const session = await newSession();
    const dir = contextWith({ Dockerfile: 'FROM busybox:1.36.1\n', 'big.bin': 'x'.repeat(4096), '.dockerignore': 'ignored.bin\n', 'ignored.bin': 'y'.repeat(100_000) });
    const error = await buildFailure(buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: tagFor('big'), labels: session.labels(), maxContextBytes: 2048 }));
    expect(error.message).toMatch(/over shipshape's limit of 2 KiB \(as sent, tar headers included\) after \.dockerignore/);
    // The ignored 100 KB file does not count: the same context fits under 8 KiB.
    await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: tagFor('big'), labels: session.labels(), maxContextBytes: 8192 });
  });

  it('sends symlinks as links and leaves out what .dockerignore lists', async () => {
    const session = await newSession();
    const dir = contextWith({
      Dockerfile: 'FROM busybox:1.36.1\nCOPY . /app/\nCMD ["sleep", "3600"]\n',
      '.dockerignore': '.env\n',
      '.env': 'API_TOKEN=do-not-ship-me\n',
      'app.txt': 'hello\n',
    });
    symlinkSync('/etc/passwd', path.join(dir, 'passwd-link'));
    const tag = tagFor('context');
    await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag, labels: session.labels() });
    const container = await startContainer(session, { image: tag, labels: session.labels() });

    const listing = await execInContainer(session, container, ['ls', '-a', '/app']);
    expect(listing.stdout.split('\n')).toEqual(expect.arrayContaining(['app.txt', 'Dockerfile', '.dockerignore', 'passwd-link']));
    expect(listing.stdout.split('\n')).not.toContain('.env');

    const link = await execInContainer(session, container, ['readlink', '/app/passwd-link']);
    expect(link.stdout.trim()).toBe('/etc/passwd');
    // Resolved inside the image it is the image's own passwd (the stand-in's accounts), not the host's.
    const linked = await execInContainer(session, container, ['cat', '/app/passwd-link']);
    expect(linked.stdout).toBe(standInPasswd);
  });

  it('gives a BuildKit secret to the RUN that mounts it, keeps it out of the layers and history, and builds without network', async () => {
    const session = await newSession();
    const secret = `s3cret-${randomUUID()}`;
    const dir = contextWith({
      // BuildKit's cache key ignores secret values: a RUN unique to this test run is really run.
      Dockerfile: `FROM busybox:1.36.1\nRUN --mount=type=secret,id=api_token sha256sum /run/secrets/api_token | cut -c1-64 > /token.sha256 # ${randomUUID()}\nRUN ls /sys/class/net > /interfaces\nCMD ["sleep", "3600"]\n`,
    });
    const tag = tagFor('secret');
    await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag, labels: session.labels(), secrets: { api_token: secret } });

    const image = session.docker.getImage(tag);
    expect((await image.inspect()).Config.Labels).toMatchObject(session.labels());
    const history = await image.history();
    expect(JSON.stringify(history)).not.toContain(secret);
    const saved = await readAll(await image.get());
    expect(saved.includes(Buffer.from(secret))).toBe(false);

    const container = await startContainer(session, { image: tag, labels: session.labels() });
    const hash = await execInContainer(session, container, ['cat', '/token.sha256']);
    expect(hash.stdout.trim()).toBe(createHash('sha256').update(secret).digest('hex'));
    const mounted = await execInContainer(session, container, ['ls', '/run/secrets/api_token']);
    expect(mounted.exitCode).not.toBe(0);
    // BuildKit builds get network none too: the RUN saw only the loopback interface.
    const interfaces = await execInContainer(session, container, ['cat', '/interfaces']);
    expect(interfaces.stdout.trim()).toBe('lo');
  });

  it("maps a failing BuildKit step to the learner's line", async () => {
    const session = await newSession();
    const dir = contextWith({ Dockerfile: 'FROM busybox:1.36.1\nRUN echo fine\n\nRUN --mount=type=secret,id=absent exit 3\n' });
    const error = await buildFailure(buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: tagFor('bkfail'), labels: session.labels(), secrets: {} }));
    expect(error.step).toMatch(/^\[3\/3\] RUN --mount=type=secret,id=absent exit 3/);
    expect(error.line).toBe(4);
    expect(error.message).toMatch(/exit code: 3/);
  });
});

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}
