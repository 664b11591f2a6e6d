import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import tar from 'tar-stream';
import { scanSavedImage } from './savedImageScan.js';

/** A tar built in memory from name -> content. */
async function tarOf(files: Record<string, string | Buffer>): Promise<Buffer> {
  const pack = tar.pack();
  for (const [name, content] of Object.entries(files)) pack.entry({ name }, content);
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The shape of `docker save` on Engine 20.10: one folder per layer, manifest.json last. */
async function savedImage(layers: Record<string, string | Buffer>[], withManifest = true): Promise<Readable> {
  const outer: Record<string, string | Buffer> = { 'config.json': '{"config":{"Env":["X=1"]}}' };
  const names: string[] = [];
  for (const [index, files] of layers.entries()) {
    const name = `layer${index}/layer.tar`;
    names.push(name);
    outer[name] = await tarOf(files);
  }
  if (withManifest) outer['manifest.json'] = JSON.stringify([{ Config: 'config.json', Layers: names }]);
  return Readable.from([await tarOf(outer)]);
}

describe('scanSavedImage', () => {
  it('names the layer and file holding the value, also when a later layer deleted it', async () => {
    const archive = await savedImage([{ 'bin/sh': 'binary' }, { 'app/.env': 'API_KEY=s3cr3t-value\n' }, { 'app/.wh..env': '' }]);
    const scan = await scanSavedImage(archive, 's3cr3t-value', 1024 * 1024);
    expect(scan.hits).toEqual([{ layerNumber: 2, layerCount: 3, file: 'app/.env' }]);
    expect(scan.capped).toBe(false);
  });

  it('finds nothing in a clean image and counts what it read', async () => {
    const scan = await scanSavedImage(await savedImage([{ 'app/server.js': 'console.log(1)' }]), 's3cr3t-value', 1024);
    expect(scan.hits).toEqual([]);
    expect(scan.bytesScanned).toBe('console.log(1)'.length);
  });

  it('finds a value split across two chunks of a large file', async () => {
    const big = Buffer.concat([Buffer.alloc(70_000, 'a'), Buffer.from('TOKEN-123'), Buffer.alloc(70_000, 'b')]);
    const scan = await scanSavedImage(await savedImage([{ 'data/blob.bin': big }]), 'TOKEN-123', 10 * 1024 * 1024);
    expect(scan.hits.map((h) => h.file)).toEqual(['data/blob.bin']);
  });

  it('finds the value in a file name', async () => {
    const scan = await scanSavedImage(await savedImage([{ 'keys/TOKEN-123.pem': 'x' }]), 'TOKEN-123', 1024);
    expect(scan.hits.map((h) => h.file)).toEqual(['keys/TOKEN-123.pem']);
  });

  it('stops at the byte budget and says so', async () => {
    const archive = await savedImage([{ 'a.bin': Buffer.alloc(4096, 'a') }, { 'b.txt': 'TOKEN-123' }]);
    const scan = await scanSavedImage(archive, 'TOKEN-123', 1000);
    expect(scan.capped).toBe(true);
    expect(scan.hits).toEqual([]);
    expect(scan.bytesScanned).toBe(1000);
  });

  it('still reports hits without a manifest, without a layer number', async () => {
    const scan = await scanSavedImage(await savedImage([{ 'k.txt': 'TOKEN-123' }], false), 'TOKEN-123', 1024);
    expect(scan.hits).toEqual([{ layerNumber: undefined, layerCount: undefined, file: 'k.txt' }]);
  });
});

describe('scanSavedImage on odd archives', () => {
  it('skips a blob that is not a tar and goes on to the next layer', async () => {
    const layer = await tarOf({ 'k.txt': 'TOKEN-123' });
    const outer = await tarOf({ 'blobs/sha256/aaa': '{"not":"a tar"} TOKEN-123', 'blobs/sha256/bbb': layer, 'manifest.json': JSON.stringify([{ Layers: ['blobs/sha256/bbb'] }]) });
    const scan = await scanSavedImage(Readable.from([outer]), 'TOKEN-123', 1024);
    expect(scan.hits).toEqual([{ layerNumber: 1, layerCount: 1, file: 'k.txt' }]);
  });
});
