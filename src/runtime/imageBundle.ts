/**
 * The offline bundle: every base image the course needs in one `docker save` tar, so a workshop
 * can hand out a file instead of needing a registry. `saveBundle` writes it (one engine request
 * for all images, so shared layers are stored once); `loadBundle` puts it back on an engine.
 */
import { createReadStream, createWriteStream, renameSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import { followToEnd, imageStatuses } from './baseImages.js';

export class BundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BundleError';
  }
}

/**
 * Writes `references` to `file` as one tar. Refuses, naming them, when some are not on the
 * engine: a bundle silently missing an image would only fail later, offline, in the workshop.
 *
 * @example
 * await saveBundle(docker, ['busybox:1.36.1'], 'shipshape-images.tar') // -> { bytes: 2_105_344 }
 */
export async function saveBundle(docker: Docker, references: readonly string[], file: string): Promise<{ bytes: number }> {
  const missing = (await imageStatuses(docker, references)).filter((status) => !status.present).map((status) => status.reference);
  if (missing.length > 0) {
    throw new BundleError(`not on this engine, so not saved: ${missing.join(', ')}; run \`shipshape images prepare\` first`);
  }
  // GET /images/get?names=a&names=b: dockerode 5's getImages (missing from the published types)
  // sends an array as repeated `names`.
  const withGetImages = docker as Docker & { getImages(options: { names: string[] }): Promise<NodeJS.ReadableStream> };
  const stream = await withGetImages.getImages({ names: [...references] });
  // Written beside the target and renamed at the end, so an interrupted save leaves no half bundle.
  const partial = `${file}.partial`;
  try {
    await pipeline(stream, createWriteStream(partial));
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return { bytes: statSync(file).size };
}

/** Loads a bundle written by `saveBundle` (or `docker save`); returns the references it loaded. */
export async function loadBundle(docker: Docker, file: string): Promise<string[]> {
  try {
    if (!statSync(file).isFile()) throw new BundleError(`${file} is not a file`);
  } catch (error) {
    if (error instanceof BundleError) throw error;
    throw new BundleError(`cannot read the bundle ${file}: ${(error as Error).message}`);
  }
  const stream = await docker.loadImage(createReadStream(file), { quiet: false });
  const loaded: string[] = [];
  await followToEnd(docker, stream, (event) => {
    // The engine answers with lines such as {"stream":"Loaded image: busybox:1.36.1\n"}.
    const text = (event as { stream?: string }).stream ?? '';
    for (const match of text.matchAll(/^Loaded image(?: ID)?: (\S+)$/gm)) loaded.push(match[1] ?? '');
  }).catch((error: Error) => {
    throw new BundleError(`the engine could not load ${file}: ${error.message}`);
  });
  return loaded.filter((reference) => reference !== '');
}
