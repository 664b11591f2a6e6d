/**
 * Sharding a class over CI jobs: `--shard i/n` keeps the students whose id hashes to i. By hash
 * rather than by position, a student stays in the same shard when others join or leave the
 * class, and every job decides alone, with nothing shared but the ids.
 */
import { createHash } from 'node:crypto';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/** Parses `i/n` (1 <= i <= n); undefined when it is not one. */
export function parseShard(text: string): Shard | undefined {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!match) return undefined;
  const index = Number(match[1]);
  const count = Number(match[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard (1-based) a student belongs to. */
export function shardOf(studentId: string, count: number): number {
  const digest = createHash('sha256').update(studentId).digest();
  return (digest.readUInt32BE(0) % count) + 1;
}

export function inShard(studentId: string, shard: Shard | undefined): boolean {
  return shard === undefined || shardOf(studentId, shard.count) === shard.index;
}
