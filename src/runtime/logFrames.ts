/**
 * Container logs without a TTY come as frames: an 8-byte header (stream, 0, 0, 0, size) before
 * each chunk. This turns them into the text a person reads. (src/checks/runtimeChecks.ts keeps
 * its own copy for now; it can import this one.)
 */

/** @example framedLogText(Buffer.from([1, 0, 0, 0, 0, 0, 0, 2, 0x6f, 0x6b])) // 'ok' */
export function framedLogText(buffer: Buffer): string {
  const parts: Buffer[] = [];
  let offset = 0;
  while (offset + 8 <= buffer.length && (buffer[offset] === 1 || buffer[offset] === 2) && buffer.readUIntBE(offset + 1, 3) === 0) {
    const size = buffer.readUInt32BE(offset + 4);
    parts.push(buffer.subarray(offset + 8, offset + 8 + size));
    offset += 8 + size;
  }
  // Anything that is not framed (a TTY container) is kept as it is.
  parts.push(buffer.subarray(offset));
  return Buffer.concat(parts).toString('utf8');
}
