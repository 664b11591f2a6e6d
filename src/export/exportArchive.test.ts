import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tarStream from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { ExportError, exportArchivesIn, unpackExport, writeExport } from './exportArchive.js';

const scratch = () => mkdtempSync(path.join(os.tmpdir(), 'shipshape-export-'));

async function handMadeTar(file: string, entries: { name: string; content?: string; type?: 'file' | 'symlink'; linkname?: string }[]): Promise<void> {
  const pack = tarStream.pack();
  const done = pipeline(pack, createWriteStream(file));
  for (const entry of entries) {
    if (entry.type === 'symlink') pack.entry({ name: entry.name, type: 'symlink', linkname: entry.linkname });
    else pack.entry({ name: entry.name }, entry.content ?? '');
  }
  pack.finalize();
  await done;
}

describe('export archives', () => {
  it('round-trips workspaces with a manifest of hashes, the same bytes each time', async () => {
    const data = scratch();
    mkdirSync(path.join(data, 'workspace', 'healthcheck'), { recursive: true });
    writeFileSync(path.join(data, 'workspace', 'healthcheck', 'Dockerfile'), 'FROM busybox:1.36.1\n');
    mkdirSync(path.join(data, 'cache'));
    writeFileSync(path.join(data, 'cache', 'course.json'), '{}');
    const out = scratch();
    const manifest = await writeExport(data, path.join(out, 'alice.shipshape.tar'), 'alice', '0.1.0');
    expect(manifest.files.map((f) => f.path)).toEqual(['workspace/healthcheck/Dockerfile']);
    await writeExport(data, path.join(out, 'again.shipshape.tar'), 'alice', '0.1.0');
    expect(readFileSync(path.join(out, 'again.shipshape.tar')).equals(readFileSync(path.join(out, 'alice.shipshape.tar')))).toBe(true);
    expect(exportArchivesIn(out).map((a) => a.student)).toEqual(['again', 'alice']);
    const target = scratch();
    const unpacked = await unpackExport(path.join(out, 'alice.shipshape.tar'), target, 'alice');
    expect(unpacked.mismatches).toEqual([]);
    expect(readFileSync(path.join(target, 'alice', 'healthcheck', 'Dockerfile'), 'utf8')).toBe('FROM busybox:1.36.1\n');
  });

  it('refuses entries that climb out of the archive, links, and archives without a manifest', async () => {
    const dir = scratch();
    const manifest = JSON.stringify({ version: 1, kind: 'shipshape-export', student: 'x', shipshapeVersion: '0', files: [] });
    await handMadeTar(path.join(dir, 'climb.tar'), [{ name: 'manifest.json', content: manifest }, { name: '../../etc/cron.d/evil', content: 'x' }]);
    await expect(unpackExport(path.join(dir, 'climb.tar'), scratch(), 'x')).rejects.toThrow(/points outside the archive/);
    await handMadeTar(path.join(dir, 'link.tar'), [{ name: 'manifest.json', content: manifest }, { name: 'workspace/a/Dockerfile', type: 'symlink', linkname: '/etc/shadow' }]);
    await expect(unpackExport(path.join(dir, 'link.tar'), scratch(), 'x')).rejects.toThrow(/symlink, not a file/);
    await handMadeTar(path.join(dir, 'bare.tar'), [{ name: 'workspace/a/Dockerfile', content: 'FROM x' }]);
    await expect(unpackExport(path.join(dir, 'bare.tar'), scratch(), 'x')).rejects.toThrow(ExportError);
  });

  it('reports files changed after export, and still unpacks them to be graded as found', async () => {
    const dir = scratch();
    const manifest = JSON.stringify({ version: 1, kind: 'shipshape-export', student: 'x', shipshapeVersion: '0', files: [{ path: 'workspace/a/Dockerfile', bytes: 1, sha256: '0'.repeat(64) }] });
    await handMadeTar(path.join(dir, 'edited.tar'), [{ name: 'manifest.json', content: manifest }, { name: 'workspace/a/Dockerfile', content: 'FROM busybox\n' }]);
    const target = scratch();
    const unpacked = await unpackExport(path.join(dir, 'edited.tar'), target, 'x');
    expect(unpacked.mismatches).toEqual(['workspace/a/Dockerfile']);
    expect(existsSync(path.join(target, 'x', 'a', 'Dockerfile'))).toBe(true);
  });
});
