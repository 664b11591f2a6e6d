/**
 * shipshape's own tools inside the learner's container. A learner controls every binary in the
 * image, so evidence never comes from the image's `id`, `cat`, `find` or shell: probes run a
 * static busybox that the check brings in (`ProbeContext.execTrusted`).
 *
 * Where it comes from, in order: SHIPSHAPE_TOOLBOX_BUSYBOX (a path to a static busybox); the
 * host's static busybox (Debian's busybox-static); else `/bin/busybox` of the course's own base
 * image `busybox:1.36.1` (the official image's busybox is static), as `shipshape images prepare`
 * pulled or loaded it. Each must be a static ELF for the engine's architecture; when none is,
 * the check fails loudly, saying how to get one, and never falls back to the image's tools.
 *
 * How it gets in: a volume of the engine's own, filled once, mounted read-only at TOOLBOX_DIR (so
 * a read-only root filesystem and noexec tmpfs mounts do not matter, and nothing of the image is
 * copied into it; see toolboxVolume). A container given extra capabilities could still get
 * around a read-only mount, so for such containers the file is read back through the engine and
 * compared before each use.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type Docker from 'dockerode';
import { elfFacts } from './elfBinary.js';
import { engineVersion } from './engineFacts.js';
import { fileArchive } from './settings/fileArchive.js';

export const TOOLBOX_DIR = '/.shipshape-toolbox';
export const TOOLBOX_BUSYBOX = `${TOOLBOX_DIR}/busybox`;
const IMAGE_SOURCE = 'busybox:1.36.1';

export interface Toolbox {
  busybox: Buffer;
  sha256: string;
  /** Where it came from, for messages. */
  source: string;
}

export class ToolboxUnavailableError extends Error {
  constructor(detail: string) {
    super(
      `shipshape has no trusted busybox to probe the container with (${detail}). Run \`shipshape images prepare\` ` +
        '(it provides busybox:1.36.1), or install a static busybox (Debian: busybox-static), or set SHIPSHAPE_TOOLBOX_BUSYBOX to one.',
    );
    this.name = 'ToolboxUnavailableError';
  }
}

const loaded = new WeakMap<Docker, Promise<Toolbox>>();

/** The toolbox for this engine's architecture, found once per process and engine. */
export function loadToolbox(docker: Docker): Promise<Toolbox> {
  let toolbox = loaded.get(docker);
  if (!toolbox) {
    toolbox = findToolbox(docker);
    loaded.set(docker, toolbox);
    // A failure is not remembered: `images prepare` may run in between.
    toolbox.catch(() => loaded.delete(docker));
  }
  return toolbox;
}

async function findToolbox(docker: Docker): Promise<Toolbox> {
  const architecture = (await engineVersion(docker))?.Arch ?? 'amd64';
  const rejected: string[] = [];
  const accept = (bytes: Buffer | undefined, source: string): Toolbox | undefined => {
    if (!bytes) return undefined;
    const facts = elfFacts(bytes);
    if (!facts?.isStatic || facts.architecture !== architecture) {
      rejected.push(`${source} is ${facts ? `${facts.isStatic ? 'static' : 'dynamic'} ${facts.architecture ?? 'unknown'}` : 'not an ELF binary'}, the engine runs ${architecture}`);
      return undefined;
    }
    return { busybox: bytes, sha256: createHash('sha256').update(bytes).digest('hex'), source };
  };
  const fromEnv = process.env.SHIPSHAPE_TOOLBOX_BUSYBOX;
  const candidates = [...(fromEnv ? [fromEnv] : []), '/bin/busybox', '/usr/bin/busybox'];
  for (const file of candidates) {
    const found = accept(existsSync(file) ? readFileSync(file) : undefined, file);
    if (found) return found;
  }
  const fromImage = accept(await busyboxFromImage(docker, IMAGE_SOURCE).catch(() => undefined), `${IMAGE_SOURCE}:/bin/busybox`);
  if (fromImage) return fromImage;
  throw new ToolboxUnavailableError(rejected.length > 0 ? rejected.join('; ') : `no static busybox on this machine and no ${IMAGE_SOURCE} on the engine`);
}

/** Reads a file out of an image through a created (never started) container. */
async function busyboxFromImage(docker: Docker, image: string): Promise<Buffer | undefined> {
  await docker.getImage(image).inspect();
  const container = await docker.createContainer({ Image: image, Cmd: ['true'], HostConfig: { NetworkMode: 'none' }, Labels: { 'dev.shipshape.toolbox': 'extract' } });
  try {
    return await singleFile((await container.getArchive({ path: '/bin/busybox' })) as NodeJS.ReadableStream);
  } finally {
    await container.remove({ force: true }).catch(() => undefined);
  }
}

/**
 * The engine's toolbox volume, named after the busybox's hash and filled once (through a created,
 * never started container of an image the engine already has), then mounted read-only into every
 * checked container: nothing to copy per check, and no process in the container, root or not,
 * can change it (remounting needs CAP_SYS_ADMIN, which no check grants). A second, empty volume
 * marks the first as complete, so a fill cut short is redone.
 */
export async function toolboxVolume(docker: Docker, toolbox: Toolbox, helperImage: string): Promise<string> {
  const name = `shipshape-toolbox-${toolbox.sha256.slice(0, 16)}`;
  const ready = `${name}-ready`;
  const labels = { 'dev.shipshape.toolbox': toolbox.sha256 };
  if (await docker.getVolume(ready).inspect().then(() => true, () => false)) return name;
  await docker.createVolume({ Name: name, Labels: labels });
  const helper = await docker.createContainer({
    Image: helperImage,
    Entrypoint: ['/nonexistent'],
    Labels: labels,
    HostConfig: { NetworkMode: 'none', Mounts: [{ Type: 'volume', Source: name, Target: TOOLBOX_DIR, VolumeOptions: { NoCopy: true } } as Docker.MountSettings] },
  });
  try {
    await installToolbox(helper, toolbox);
  } finally {
    await helper.remove({ force: true }).catch(() => undefined);
  }
  await docker.createVolume({ Name: ready, Labels: labels });
  return name;
}

/** The toolbox volume, read-only, where probes expect it. */
export function toolboxMount(volume: string): Docker.MountSettings {
  return { Type: 'volume', Source: volume, Target: TOOLBOX_DIR, ReadOnly: true, VolumeOptions: { NoCopy: true } } as Docker.MountSettings;
}

/** Puts the busybox in place in a created container's toolbox mount. */
export async function installToolbox(container: Docker.Container, toolbox: Toolbox, signal?: AbortSignal): Promise<void> {
  const archive = fileArchive([{ name: 'busybox', content: toolbox.busybox, mode: 0o555, uid: 0, gid: 0 }], Math.floor(Date.now() / 1000));
  await container.putArchive(archive, { path: TOOLBOX_DIR, abortSignal: signal });
}

/** Whether the busybox in the container is still the one put there, read back through the engine. */
export async function toolboxIntact(container: Docker.Container, toolbox: Toolbox): Promise<boolean> {
  const archive = (await container.getArchive({ path: TOOLBOX_BUSYBOX }).catch(() => undefined)) as NodeJS.ReadableStream | undefined;
  if (!archive) return false;
  const content = await singleFile(archive).catch(() => undefined);
  return content !== undefined && createHash('sha256').update(content).digest('hex') === toolbox.sha256;
}

/** The content of the one regular file in an archive the engine sent; undefined if it holds none (a link, a folder). */
async function singleFile(archive: NodeJS.ReadableStream): Promise<Buffer | undefined> {
  const { extract: tarExtract } = await import('tar-stream');
  const extract = tarExtract();
  let content: Buffer | undefined;
  extract.on('entry', (header, stream, next) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    stream.on('end', () => {
      if (header.type === 'file' && content === undefined) content = Buffer.concat(chunks);
      next();
    });
    stream.resume();
  });
  await new Promise<void>((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
    archive.pipe(extract);
  });
  return content;
}
