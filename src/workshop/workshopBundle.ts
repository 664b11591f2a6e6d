/**
 * A workshop bundle: one file a host copies to every laptop before a session with a poor
 * network. It is a tar of `workshop.json` (the shipshape version, the images, and the SHA-256
 * of the image archive) and `images.tar` (one `docker save` of every base image the course
 * builds FROM). Loading checks the hash before anything reaches the engine, so a truncated copy
 * from a USB stick is caught with a clear message instead of a half-loaded engine.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type Docker from 'dockerode';
import tarStream from 'tar-stream';
import { loadBundle, saveBundle } from '../runtime/imageBundle.js';

export interface WorkshopManifest {
  version: 1;
  kind: 'shipshape-workshop';
  shipshapeVersion: string;
  images: string[];
  imagesSha256: string;
  imagesBytes: number;
}

export class WorkshopBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkshopBundleError';
  }
}

export async function writeWorkshopBundle(docker: Docker, images: readonly string[], shipshapeVersion: string, file: string): Promise<WorkshopManifest> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-workshop-'));
  try {
    const imagesFile = path.join(scratch, 'images.tar');
    await saveBundle(docker, images, imagesFile);
    const manifest: WorkshopManifest = {
      version: 1,
      kind: 'shipshape-workshop',
      shipshapeVersion,
      images: [...images].sort(),
      imagesSha256: await sha256File(imagesFile),
      imagesBytes: statSync(imagesFile).size,
    };
    const manifestText = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const pack = tarStream.pack();
    const partial = `${file}.partial`;
    const written = pipeline(pack, createWriteStream(partial));
    pack.entry({ name: 'workshop.json', size: manifestText.length, mode: 0o644, mtime: new Date(0) }, manifestText);
    const entry = pack.entry({ name: 'images.tar', size: manifest.imagesBytes, mode: 0o644, mtime: new Date(0) });
    await pipeline(createReadStream(imagesFile), entry);
    pack.finalize();
    try {
      await written;
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    return manifest;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** Verifies and loads a workshop bundle; returns its manifest and the references the engine loaded. */
export async function loadWorkshopBundle(docker: Docker, file: string): Promise<{ manifest: WorkshopManifest; loaded: string[] }> {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-workshop-'));
  try {
    const manifest = await unpackBundle(file, scratch);
    const imagesFile = path.join(scratch, 'images.tar');
    const actual = await sha256File(imagesFile);
    if (actual !== manifest.imagesSha256 || statSync(imagesFile).size !== manifest.imagesBytes) {
      throw new WorkshopBundleError(`${path.basename(file)} is damaged: its images do not match the checksum in workshop.json (copy it again)`);
    }
    return { manifest, loaded: await loadBundle(docker, imagesFile) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function unpackBundle(file: string, into: string): Promise<WorkshopManifest> {
  const extract = tarStream.extract();
  let manifestText: string | undefined;
  let sawImages = false;
  extract.on('entry', (header, stream, next) => {
    if (header.name === 'workshop.json' && header.type === 'file' && (header.size ?? 0) < 1_000_000) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      stream.on('end', () => {
        manifestText = Buffer.concat(chunks).toString('utf8');
        next();
      });
    } else if (header.name === 'images.tar' && header.type === 'file') {
      sawImages = true;
      pipeline(stream, createWriteStream(path.join(into, 'images.tar'))).then(() => next(), next);
    } else {
      stream.on('end', () => next());
      stream.resume();
    }
  });
  try {
    await pipeline(createReadStream(file), extract);
  } catch (error) {
    throw new WorkshopBundleError(`${path.basename(file)} is not a readable workshop bundle (${(error as Error).message})`);
  }
  if (manifestText === undefined || !sawImages) throw new WorkshopBundleError(`${path.basename(file)} is not a workshop bundle: it lacks workshop.json or images.tar`);
  let manifest: WorkshopManifest;
  try {
    manifest = JSON.parse(manifestText) as WorkshopManifest;
  } catch {
    throw new WorkshopBundleError(`${path.basename(file)}: workshop.json is not JSON`);
  }
  if (manifest.kind !== 'shipshape-workshop' || manifest.version !== 1 || !/^[0-9a-f]{64}$/.test(String(manifest.imagesSha256))) {
    throw new WorkshopBundleError(`${path.basename(file)}: workshop.json is not a shipshape workshop manifest (version 1)`);
  }
  return manifest;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
