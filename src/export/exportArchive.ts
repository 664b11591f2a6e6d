/**
 * The learner's side of grading: `shipshape export` packs their workspaces (and the progress and
 * local verdicts kept beside them, when there are any) into one tar with a manifest of SHA-256
 * hashes. The grader unpacks it with `unpackExport`, which refuses anything but plain files in
 * plain folders under the archive's own root, within size and count caps: an archive is input.
 * Local verdicts are information only; grading always checks the files again.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';

export const EXPORT_SUFFIX = '.shipshape.tar';

/** Caps for unpacking: a class's exports are small text files. */
export const exportCaps = { totalBytes: 64 * 1024 * 1024, entries: 20_000 } as const;

export interface ExportManifest {
  version: 1;
  kind: 'shipshape-export';
  student: string;
  shipshapeVersion: string;
  /** Every other entry of the archive, sorted by path. */
  files: { path: string; bytes: number; sha256: string }[];
}

export class ExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportError';
  }
}

/** What goes into an export, relative to the data directory. Caches are left out: they are rebuilt. */
const EXPORTED = ['workspace', 'progress.json', 'verdicts'];

/** Writes the export of `dataDir` to `file`; returns the manifest written into it. */
export async function writeExport(dataDir: string, file: string, student: string, shipshapeVersion: string): Promise<ExportManifest> {
  const files = EXPORTED.flatMap((entry) => filesUnder(dataDir, entry));
  const manifest: ExportManifest = {
    version: 1,
    kind: 'shipshape-export',
    student,
    shipshapeVersion,
    files: files.map((relative) => {
      const content = readFileSync(path.join(dataDir, relative));
      return { path: relative, bytes: content.length, sha256: sha256(content) };
    }),
  };
  const pack = tarStream.pack();
  const partial = `${file}.partial`;
  const written = pipeline(pack, createWriteStream(partial));
  // A fixed mtime: exporting the same work twice gives the same bytes.
  const header = (name: string, size: number) => ({ name, size, mode: 0o644, mtime: new Date(0), type: 'file' as const });
  const manifestText = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  pack.entry(header('manifest.json', manifestText.length), manifestText);
  for (const relative of files) {
    const content = readFileSync(path.join(dataDir, relative));
    pack.entry(header(relative, content.length), content);
  }
  pack.finalize();
  try {
    await written;
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  return manifest;
}

/** Regular files under `dataDir/entry`, as sorted posix paths; symlinks and special files are not followed or exported. */
function filesUnder(dataDir: string, entry: string): string[] {
  const full = path.join(dataDir, entry);
  const stat = lstatSync(full, { throwIfNoEntry: false });
  if (!stat) return [];
  if (stat.isFile()) return [entry];
  if (!stat.isDirectory()) return [];
  return readdirSync(full)
    .sort()
    .flatMap((name) => filesUnder(dataDir, path.posix.join(entry, name)));
}

export interface UnpackedExport {
  manifest: ExportManifest;
  /** Where the workspace landed: `<target>/<challenge-id>/...` */
  dir: string;
  /** Files whose hash differs from the manifest, or that the manifest does not list. */
  mismatches: string[];
}

/**
 * Unpacks `file` into `target/<student>` as a submission folder (the workspace's challenge
 * folders). Throws ExportError for an archive that is not a shipshape export or breaks a cap.
 */
export async function unpackExport(file: string, target: string, studentFromName: string): Promise<UnpackedExport> {
  const entries = new Map<string, Buffer>();
  let total = 0;
  const extract = tarStream.extract();
  const done = new Promise<void>((resolve, reject) => {
    extract.on('entry', (header, stream, next) => {
      const name = path.posix.normalize(header.name);
      const fail = (message: string) => {
        stream.resume();
        reject(new ExportError(`${path.basename(file)}: ${message}`));
        extract.destroy();
      };
      if (header.type === 'directory') {
        stream.resume();
        return next();
      }
      if (header.type !== 'file') return fail(`${header.name} is a ${header.type}, not a file`);
      if (name.startsWith('../') || name === '..' || path.posix.isAbsolute(name)) return fail(`${header.name} points outside the archive`);
      if (entries.size >= exportCaps.entries) return fail(`more than ${exportCaps.entries} files`);
      const chunks: Buffer[] = [];
      stream.on('data', (data: unknown) => {
        const chunk = data as Buffer;
        total += chunk.length;
        if (total > exportCaps.totalBytes) return fail(`more than ${exportCaps.totalBytes / (1024 * 1024)} MiB`);
        chunks.push(chunk);
      });
      stream.on('end', () => {
        entries.set(name, Buffer.concat(chunks));
        next();
      });
      stream.on('error', reject);
    });
    extract.on('finish', resolve);
    extract.on('error', (error: Error) => reject(new ExportError(`${path.basename(file)}: not a readable tar archive (${error.message})`)));
  });
  await Promise.all([pipeline(createReadStream(file), extract).catch(() => undefined), done]);
  const manifestBytes = entries.get('manifest.json');
  if (!manifestBytes) throw new ExportError(`${path.basename(file)}: no manifest.json, so not a shipshape export`);
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as ExportManifest;
  } catch {
    throw new ExportError(`${path.basename(file)}: manifest.json is not JSON`);
  }
  if (manifest.kind !== 'shipshape-export' || manifest.version !== 1 || !Array.isArray(manifest.files)) {
    throw new ExportError(`${path.basename(file)}: manifest.json is not a shipshape export manifest (version 1)`);
  }
  const listed = new Map(manifest.files.map((entry) => [entry.path, entry.sha256]));
  const mismatches: string[] = [];
  const dir = path.join(target, studentFromName);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of entries) {
    if (name === 'manifest.json') continue;
    if (listed.get(name) !== sha256(content)) mismatches.push(name);
    if (!name.startsWith('workspace/')) continue;
    const destination = path.join(dir, name.slice('workspace/'.length));
    if (!destination.startsWith(dir + path.sep)) continue;
    mkdirSync(path.dirname(destination), { recursive: true });
    writeFileSync(destination, content);
  }
  for (const name of listed.keys()) if (!entries.has(name)) mismatches.push(name);
  return { manifest, dir, mismatches: mismatches.sort() };
}

/** Archives in a submissions folder, sorted, each with the student id its file name gives. */
export function exportArchivesIn(dir: string): { file: string; student: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith(EXPORT_SUFFIX) && lstatSync(path.join(dir, name)).isFile())
    .sort()
    .map((name) => ({ file: path.join(dir, name), student: name.slice(0, -EXPORT_SUFFIX.length) }));
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
