/**
 * `shipshape lint -`: the text on standard input (`helm template . | shipshape lint ...`), read
 * with the same bound as a file, so an endless stream is refused at the cap instead of filling
 * memory. Ctrl-C while waiting ends the run as usual (nothing here blocks the event loop).
 */
import type { Readable } from 'node:stream';

export type StdinRead = { kind: 'text'; text: string } | { kind: 'too-large'; bytes: number };

export async function readStdinBounded(capBytes: number, input: Readable = process.stdin): Promise<StdinRead> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buffer.length;
    if (total > capBytes) {
      input.destroy();
      return { kind: 'too-large', bytes: total };
    }
    chunks.push(buffer);
  }
  return { kind: 'text', text: Buffer.concat(chunks, total).toString('utf8') };
}

/** True for text that reads as a Dockerfile: its first instruction is FROM (or ARG before FROM). */
export function looksLikeDockerfile(text: string): boolean {
  for (const raw of text.split('\n', 200)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    return /^(FROM|ARG)\s/i.test(line);
  }
  return false;
}
