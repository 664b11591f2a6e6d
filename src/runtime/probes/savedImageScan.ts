/**
 * Looking for a secret value in every layer of an image, as `docker save` exports it: an outer
 * tar holding one tar per layer and a manifest.json listing the layers in order. Each layer is
 * streamed and searched file by file, so a secret deleted by a later layer is still found where
 * it was written. No Docker here: the caller hands over the stream, which keeps this testable.
 */
import type { Readable } from 'node:stream';
import tar from 'tar-stream';

export interface LayerHit {
  /** 1-based position in the image's layer list; undefined when the archive had no manifest. */
  layerNumber: number | undefined;
  layerCount: number | undefined;
  file: string;
}

export interface SavedImageScan {
  hits: LayerHit[];
  bytesScanned: number;
  /** True when the byte budget ran out before every layer was read. */
  capped: boolean;
}

/** One entry of a tar being read: a stream of its bytes with its header. */
type TarEntry = tar.Extract extends AsyncIterable<infer Entry> ? Entry : never;

interface RawHit {
  archivePath: string;
  file: string;
}

/**
 * @example await scanSavedImage(await docker.getImage(ref).get(), 'hunter2', 512 * 1024 * 1024)
 */
export async function scanSavedImage(archive: Readable, value: string, maxBytes: number): Promise<SavedImageScan> {
  const needle = Buffer.from(value, 'utf8');
  if (needle.length === 0) throw new Error('the secret value to look for is empty');
  const rawHits: RawHit[] = [];
  let layerOrder: string[] | undefined;
  const budget = { left: maxBytes, scanned: 0, capped: false };
  const outer = tar.extract();
  archive.pipe(outer);
  try {
    for await (const entry of outer) {
      const name = entry.header.name;
      if (name === 'manifest.json') {
        layerOrder = parseLayerOrder(await readAll(entry));
      } else if (!budget.capped && (name.endsWith('layer.tar') || name.startsWith('blobs/'))) {
        for (const file of await scanLayer(entry, needle, budget)) rawHits.push({ archivePath: name, file });
      } else {
        entry.resume();
        await finished(entry);
      }
      if (budget.capped) break;
    }
  } finally {
    if (budget.capped) archive.destroy();
  }
  return {
    hits: rawHits.map(({ archivePath, file }) => {
      const index = layerOrder?.indexOf(archivePath) ?? -1;
      return { layerNumber: index >= 0 ? index + 1 : undefined, layerCount: layerOrder?.length, file };
    }),
    bytesScanned: budget.scanned,
    capped: budget.capped,
  };
}

/** The files of one layer whose name or content holds the value. A blob that is not a tar (an OCI config) is skipped. */
async function scanLayer(layer: TarEntry, needle: Buffer, budget: { left: number; scanned: number; capped: boolean }): Promise<string[]> {
  const found: string[] = [];
  const inner = tar.extract();
  layer.pipe(inner);
  try {
    for await (const file of inner) {
      const fileName = file.header.name;
      let hit = fileName.includes(needle.toString('utf8'));
      // Keep the tail of the previous chunk: the value may straddle two chunks.
      let carry = Buffer.alloc(0);
      for await (const chunk of file as AsyncIterable<Buffer>) {
        if (hit || budget.capped) continue;
        if (budget.left <= 0) {
          budget.capped = true;
          continue;
        }
        const slice = chunk.length > budget.left ? chunk.subarray(0, budget.left) : chunk;
        budget.left -= slice.length;
        budget.scanned += slice.length;
        const window = Buffer.concat([carry, slice]);
        if (window.includes(needle)) hit = true;
        carry = window.subarray(Math.max(0, window.length - (needle.length - 1)));
      }
      if (hit) found.push(fileName.replace(/^\.\//, ''));
      if (budget.capped) break;
    }
  } catch {
    // Not a tar: nothing of the filesystem to search in this blob.
  }
  // On an early stop the layer's remaining bytes must still be read for the outer tar to go on.
  layer.resume();
  await finished(layer);
  return found;
}

function parseLayerOrder(text: string): string[] | undefined {
  try {
    const manifest = JSON.parse(text) as { Layers?: unknown }[];
    const layers = manifest[0]?.Layers;
    return Array.isArray(layers) ? layers.filter((l): l is string => typeof l === 'string') : undefined;
  } catch {
    return undefined;
  }
}

async function readAll(stream: TarEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

function finished(stream: TarEntry): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
    stream.once('error', () => resolve());
  });
}
