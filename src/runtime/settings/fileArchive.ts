/**
 * A tar archive of a few small files, for the engine's put-archive call that places secret files
 * in a container before it starts. Pure and tiny on purpose: ustar headers for regular files are
 * all that is needed, and the owner and mode we set must be exactly the ones delivered.
 */

export interface ArchiveFile {
  /** Name inside the archive, relative to where it is extracted; at most 100 bytes. */
  name: string;
  content: Buffer;
  mode: number;
  uid: number;
  gid: number;
}

const BLOCK = 512;
/** The largest number a classic 8-byte octal header field holds. */
const MAX_ID = 0o7777777;

/**
 * @example fileArchive([{ name: 'db_password', content: Buffer.from('s3cret'), mode: 0o400, uid: 10001, gid: 0 }], 0).length // 2048
 * @throws Error for a name or owner a classic tar header cannot carry.
 */
export function fileArchive(files: readonly ArchiveFile[], mtimeSeconds: number): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    if (Buffer.byteLength(file.name) > 100 || file.name === '' || file.name.includes('/')) throw new Error(`cannot archive a file named ${JSON.stringify(file.name)}`);
    if (file.uid > MAX_ID || file.gid > MAX_ID || file.uid < 0 || file.gid < 0) throw new Error(`cannot archive owner ${file.uid}:${file.gid}`);
    parts.push(header(file, mtimeSeconds), file.content, Buffer.alloc(padding(file.content.length)));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function header(file: ArchiveFile, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const octal = (value: number, offset: number, width: number) => block.write(`${Math.floor(value).toString(8).padStart(width - 1, '0')}\0`, offset, 'ascii');
  block.write(file.name, 0, 'utf8');
  octal(file.mode & 0o7777, 100, 8);
  octal(file.uid, 108, 8);
  octal(file.gid, 116, 8);
  octal(file.content.length, 124, 12);
  octal(mtimeSeconds, 136, 12);
  block.write('        ', 148, 'ascii');
  block.write('0', 156, 'ascii');
  block.write('ustar\0', 257, 'ascii');
  block.write('00', 263, 'ascii');
  const checksum = block.reduce((sum, byte) => sum + byte, 0);
  block.write(`${checksum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return block;
}

function padding(size: number): number {
  return (BLOCK - (size % BLOCK)) % BLOCK;
}
