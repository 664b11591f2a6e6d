/**
 * The engine edge on a real engine: connecting through DOCKER_HOST and through a docker context
 * (and a clear error naming the endpoint and how it was chosen when nothing answers there), and
 * the offline image bundle: save, lose the image, load, have it back.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { imageExists, imageStatuses } from '../../src/runtime/baseImages.js';
import { contextDirName } from '../../src/runtime/dockerContext.js';
import { connectEngine, EngineUnavailableError } from '../../src/runtime/engine.js';
import { BundleError, loadBundle, saveBundle } from '../../src/runtime/imageBundle.js';
import { testEngine } from '../helpers/docker.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-engine-'));
  folders.push(dir);
  return dir;
}

/** A docker config folder holding one context whose endpoint is `host`. */
function configWithContext(name: string, host: string): string {
  const config = tempDir();
  const meta = path.join(config, 'contexts', 'meta', contextDirName(name));
  mkdirSync(meta, { recursive: true });
  writeFileSync(path.join(meta, 'meta.json'), JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }));
  writeFileSync(path.join(config, 'config.json'), JSON.stringify({ currentContext: name }));
  return config;
}

async function connectError(timeoutMs: number, env: NodeJS.ProcessEnv): Promise<EngineUnavailableError> {
  const error = await connectEngine(timeoutMs, { env }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EngineUnavailableError);
  return error as EngineUnavailableError;
}

describe('connectEngine', () => {
  it('reaches the engine through DOCKER_HOST', async () => {
    const docker = await connectEngine(10_000, { env: { DOCKER_HOST: 'unix:///var/run/docker.sock', HOME: tempDir() } });
    expect((await docker.version()).ApiVersion).toMatch(/^1\.\d+$/);
  });

  it("reaches the engine through config.json's current context", async () => {
    const config = configWithContext('workshop', 'unix:///var/run/docker.sock');
    const docker = await connectEngine(10_000, { env: { DOCKER_CONFIG: config } });
    expect(await docker.ping()).toBeTruthy();
  });

  it('names the endpoint and where it came from when nothing answers', async () => {
    const missing = path.join(tempDir(), 'no-engine.sock');
    const fromHost = await connectError(2_000, { DOCKER_HOST: `unix://${missing}` });
    expect(fromHost.message).toContain(`unix://${missing}, from DOCKER_HOST`);
    const config = configWithContext('colima', `unix://${missing}`);
    const fromContext = await connectError(2_000, { DOCKER_CONFIG: config });
    expect(fromContext.message).toContain(`unix://${missing}, from context colima`);
    expect(fromContext.message).toMatch(/--static-only/);
  });

  it('explains a context that does not exist', async () => {
    const error = await connectError(2_000, { DOCKER_CONTEXT: 'nowhere', DOCKER_CONFIG: tempDir() });
    expect(error.message).toMatch(/docker context "nowhere" \(from DOCKER_CONTEXT=nowhere\) has no readable metadata/);
  });
});

describe('offline image bundle', () => {
  it('saves an image, and loads it back after it is gone', async () => {
    const docker = await testEngine();
    // A second tag on the stand-in: removing it later only untags, and busybox:1.36.1 stays for the other tests.
    const reference = `shipshape-test/bundle:${process.pid}`;
    await docker.getImage('busybox:1.36.1').tag({ repo: 'shipshape-test/bundle', tag: String(process.pid) });
    const bundle = path.join(tempDir(), 'images.tar');
    try {
      const { bytes } = await saveBundle(docker, [reference], bundle);
      expect(bytes).toBe(statSync(bundle).size);
      expect(bytes).toBeGreaterThan(100_000);

      await docker.getImage(reference).remove();
      expect(await imageExists(docker, reference)).toBe(false);
      expect(await imageExists(docker, 'busybox:1.36.1')).toBe(true);

      expect(await loadBundle(docker, bundle)).toEqual([reference]);
      const [status] = await imageStatuses(docker, [reference]);
      expect(status).toMatchObject({ reference, present: true, standIn: true });
    } finally {
      await docker.getImage(reference).remove().catch(() => undefined);
    }
  });

  it('refuses to save a bundle missing an image, naming it', async () => {
    const docker = await testEngine();
    const bundle = path.join(tempDir(), 'images.tar');
    await expect(saveBundle(docker, ['busybox:1.36.1', 'shipshape-test/absent:0'], bundle)).rejects.toThrow(BundleError);
    await expect(saveBundle(docker, ['shipshape-test/absent:0'], bundle)).rejects.toThrow(/not on this engine, so not saved: shipshape-test\/absent:0/);
  });
});
