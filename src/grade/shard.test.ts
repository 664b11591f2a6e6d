import { describe, expect, it } from 'vitest';
import { inShard, parseShard, shardOf } from './shard.js';

describe('shards', () => {
  it('parses i/n and refuses what is not one', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    for (const bad of ['0/4', '5/4', '1/0', 'a/b', '1', '1/2/3']) expect(parseShard(bad)).toBeUndefined();
  });

  it('puts every student in exactly one shard, the same one every time', () => {
    const students = Array.from({ length: 200 }, (_, i) => `student-${i}`);
    const shards = [1, 2, 3].map((index) => students.filter((s) => inShard(s, { index, count: 3 })));
    expect(shards.flat().sort()).toEqual([...students].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(30);
    expect(students.map((s) => shardOf(s, 3))).toEqual(students.map((s) => shardOf(s, 3)));
  });

  it('keeps a student in their shard when the class changes', () => {
    expect(shardOf('alice', 4)).toBe(shardOf('alice', 4));
    expect(inShard('alice', undefined)).toBe(true);
  });
});
