/**
 * Base images the course's Dockerfiles start FROM. Real users pull them (or load an offline
 * bundle made with `docker save`). Where no registry is reachable, as on CI machines and in
 * offline workshops without a bundle, a stand-in is built locally from the host's static
 * busybox: a 2 MB image with a shell, `id`, `wget` and `httpd`, plus what Debian's BusyBox
 * lacks and the course uses (`adduser`, `addgroup`, `install`: busyboxStandInTools.ts).
 * `imageBundle.ts` writes and reads the offline bundle.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import tar from 'tar-fs';
import { STANDIN_LACKS, STANDIN_VERSION, standInGroup, standInPasswd, standInShadow, standInTools } from './busyboxStandInTools.js';
import { PullProgress, pullEventLine, type PullEvent } from './pullProgress.js';
import { importStandIn, isStandInReference, standInBlocker } from './standInImages.js';

export const STANDIN_LABEL = 'dev.shipshape.standin';
/** Which version of the stand-in an image is; older ones are rebuilt by `images prepare`. */
export const STANDIN_VERSION_LABEL = 'dev.shipshape.standin.version';

export type ImageSource = 'present' | 'stand-in' | 'pulled';

/** True when the engine already has the image (by tag or digest). */
export async function imageExists(docker: Docker, reference: string): Promise<boolean> {
  try {
    await docker.getImage(reference).inspect();
    return true;
  } catch {
    return false;
  }
}

/** A static busybox on this host, if there is one (Debian's busybox-static puts it at /bin/busybox). */
export function findStaticBusybox(candidates = ['/bin/busybox', '/usr/bin/busybox']): string | undefined {
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue;
    try {
      const out = execFileSync('ldd', [candidate], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      if (/not a dynamic|statically linked/.test(out)) return candidate;
    } catch (error) {
      // ldd exits non-zero for static binaries on some systems, printing the same words.
      const text = `${(error as { stdout?: string }).stdout ?? ''}${(error as { stderr?: string }).stderr ?? ''}`;
      if (/not a dynamic|statically linked/.test(text)) return candidate;
    }
  }
  return undefined;
}

/** Builds a busybox stand-in image tagged `reference` from a static busybox binary. */
export async function importBusyboxStandIn(docker: Docker, reference: string, busybox: string): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'shipshape-rootfs-'));
  try {
    for (const dir of ['bin', 'sbin', 'usr/bin', 'usr/sbin', 'etc', 'tmp', 'root', 'home', 'var/run', 'proc', 'sys', 'dev']) {
      mkdirSync(path.join(root, dir), { recursive: true });
    }
    chmodSync(path.join(root, 'tmp'), 0o1777);
    copyFileSync(busybox, path.join(root, 'bin/busybox'));
    chmodSync(path.join(root, 'bin/busybox'), 0o755);
    const applets = execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter((name) => /^[\w.[-]+$/.test(name));
    for (const applet of applets) {
      if (applet !== 'busybox') symlinkSync('busybox', path.join(root, 'bin', applet));
    }
    for (const tool of standInTools) {
      if (!applets.includes(tool.name)) writeFileSync(path.join(root, 'bin', tool.name), tool.script, { mode: 0o755 });
    }
    writeFileSync(path.join(root, 'etc/passwd'), standInPasswd);
    writeFileSync(path.join(root, 'etc/group'), standInGroup);
    writeFileSync(path.join(root, 'etc/shadow'), standInShadow, { mode: 0o640 });
    const [repo, tag] = splitReference(reference);
    // umask 0 keeps /tmp at 1777 (the engine copies its mode onto a tmpfs mounted there), and
    // every file is root's, as in a real base image, whoever runs this.
    // (tar-fs supports `umask`; its published types do not list it.)
    const packOptions = { umask: 0, map: (header: tar.Headers) => ({ ...header, uid: 0, gid: 0, uname: 'root', gname: 'root' }) };
    const rootfs = tar.pack(root, packOptions as tar.PackOptions);
    const stream = await docker.importImage(rootfs as unknown as NodeJS.ReadableStream, {
      repo,
      tag,
      changes: ['ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'CMD ["sh"]', `LABEL ${STANDIN_LABEL}=true`, `LABEL ${STANDIN_VERSION_LABEL}=${STANDIN_VERSION}`],
    } as object);
    await followToEnd(docker, stream);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/**
 * Pulls an image. Each engine event goes to `onPullEvent` when given (the CLI's pull display
 * folds them), else layer phase changes go to `onProgress` as lines.
 */
export async function pullImage(docker: Docker, reference: string, onProgress?: (line: string) => void, onPullEvent?: (reference: string, event: PullEvent) => void): Promise<void> {
  const stream = await docker.pull(reference);
  const progress = new PullProgress(reference);
  await followToEnd(docker, stream, (event) => {
    if (onPullEvent) onPullEvent(reference, event);
    else if (progress.apply(event)) onProgress?.(pullEventLine(reference, event));
  });
}

export interface ImageStatus {
  reference: string;
  present: boolean;
  /** A local busybox stand-in rather than the registry's image. */
  standIn: boolean;
  id: string | undefined;
  sizeBytes: number | undefined;
  /** What a stand-in does differently from the real image; empty for real images. */
  lacks: readonly string[];
  /** A stand-in made by an older shipshape: `images prepare` rebuilds it. */
  outdated: boolean;
}

/** Whether each reference is on the engine, and whether it is a stand-in. */
export async function imageStatuses(docker: Docker, references: readonly string[]): Promise<ImageStatus[]> {
  return Promise.all(
    references.map(async (reference) => {
      const info = await docker.getImage(reference).inspect().catch(() => undefined);
      return {
        reference,
        present: info !== undefined,
        standIn: info?.Config?.Labels?.[STANDIN_LABEL] === 'true',
        id: info?.Id,
        sizeBytes: info?.Size,
        lacks: info?.Config?.Labels?.[STANDIN_LABEL] === 'true' ? STANDIN_LACKS : [],
        outdated: info !== undefined && isOutdatedStandIn(info.Config?.Labels ?? undefined),
      };
    }),
  );
}

/**
 * Makes sure each reference is on the engine: already there, a local stand-in (busybox images,
 * when the host has a static busybox), or pulled.
 */
export async function ensureBaseImages(
  docker: Docker,
  references: readonly string[],
  onProgress?: (line: string) => void,
  onPullEvent?: (reference: string, event: PullEvent) => void,
): Promise<Map<string, ImageSource>> {
  const sources = new Map<string, ImageSource>();
  for (const reference of references) {
    const info = await docker.getImage(reference).inspect().catch(() => undefined);
    // A stand-in from an older shipshape lacks tools the course now teaches: build it again.
    if (info && !isOutdatedStandIn(info.Config?.Labels ?? undefined)) {
      sources.set(reference, 'present');
      continue;
    }
    if (isStandInReference(reference) && standInBlocker(reference, findStaticBusybox()) === undefined) {
      onProgress?.(`${reference}: building a local stand-in (standInImages.ts)`);
      await importStandIn(docker, reference, findStaticBusybox());
      sources.set(reference, 'stand-in');
      continue;
    }
    const busybox = isBusyboxReference(reference) ? findStaticBusybox() : undefined;
    if (busybox) {
      onProgress?.(`${reference}: building a local stand-in from ${busybox}`);
      await importBusyboxStandIn(docker, reference, busybox);
      sources.set(reference, 'stand-in');
    } else {
      onProgress?.(`${reference}: pulling`);
      await pullImage(docker, reference, onProgress, onPullEvent);
      sources.set(reference, 'pulled');
    }
  }
  return sources;
}

function isOutdatedStandIn(labels: Record<string, string> | undefined): boolean {
  return labels?.[STANDIN_LABEL] === 'true' && labels[STANDIN_VERSION_LABEL] !== STANDIN_VERSION;
}

function isBusyboxReference(reference: string): boolean {
  return /^(docker\.io\/)?(library\/)?busybox(:|$)/.test(reference);
}

function splitReference(reference: string): [string, string] {
  const slash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', slash + 1);
  return colon === -1 ? [reference, 'latest'] : [reference.slice(0, colon), reference.slice(colon + 1)];
}

/** Follows an engine progress stream to its end; an `error` event in it rejects. */
export function followToEnd(docker: Docker, stream: NodeJS.ReadableStream, onEvent?: (event: PullEvent) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(
      stream,
      (error: Error | null, output: { error?: string }[]) => {
        const failed = output?.find((event) => event.error);
        if (error) reject(error);
        else if (failed) reject(new Error(failed.error));
        else resolve();
      },
      onEvent,
    );
  });
}
