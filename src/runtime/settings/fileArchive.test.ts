import { describe, expect, it } from 'vitest';
import { fileArchive } from './fileArchive.js';

/** Reads the archive back field by field, the way an extractor would. */
function readArchive(archive: Buffer) {
  const entries = [];
  let offset = 0;
  while (offset + 512 <= archive.length && archive[offset] !== 0) {
    const field = (start: number, width: number) => archive.subarray(offset + start, offset + start + width).toString('ascii').replace(/\0.*$/s, '').trim();
    const size = parseInt(field(124, 12), 8);
    const stored = parseInt(field(148, 8), 8);
    const block = Buffer.from(archive.subarray(offset, offset + 512));
    block.write('        ', 148, 'ascii');
    entries.push({
      name: field(0, 100), mode: parseInt(field(100, 8), 8), uid: parseInt(field(108, 8), 8), gid: parseInt(field(116, 8), 8),
      type: field(156, 1), magic: field(257, 6), checksumOk: stored === block.reduce((sum, byte) => sum + byte, 0),
      content: archive.subarray(offset + 512, offset + 512 + size).toString('utf8'),
    });
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return { entries, endsWithTwoZeroBlocks: archive.subarray(offset).length === 1024 && archive.subarray(offset).every((b) => b === 0) };
}

describe('fileArchive', () => {
  it('writes regular files with their owner, mode and content', () => {
    const archive = fileArchive([
      { name: 'db_password', content: Buffer.from('hunter2\n'), mode: 0o400, uid: 10001, gid: 10001 },
      { name: 'api.key', content: Buffer.alloc(700, 'k'), mode: 0o440, uid: 0, gid: 0 },
    ], 1_700_000_000);
    expect(archive.length % 512).toBe(0);
    const { entries, endsWithTwoZeroBlocks } = readArchive(archive);
    expect(endsWithTwoZeroBlocks).toBe(true);
    expect(entries).toEqual([
      { name: 'db_password', mode: 0o400, uid: 10001, gid: 10001, type: '0', magic: 'ustar', checksumOk: true, content: 'hunter2\n' },
      { name: 'api.key', mode: 0o440, uid: 0, gid: 0, type: '0', magic: 'ustar', checksumOk: true, content: 'k'.repeat(700) },
    ]);
  });

  it.each([
    ['a path', { name: 'a/b' }],
    ['an empty name', { name: '' }],
    ['a name longer than 100 bytes', { name: 'x'.repeat(101) }],
    ['a uid beyond the header', { uid: 0o10000000 }],
  ])('refuses %s', (_name, override) => {
    expect(() => fileArchive([{ name: 'ok', content: Buffer.from(''), mode: 0o400, uid: 0, gid: 0, ...override }], 0)).toThrow(/cannot archive/);
  });
});
