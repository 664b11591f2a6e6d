import { describe, expect, it } from 'vitest';
import { elfFacts } from './elfBinary.js';

/** A 64-bit little-endian ELF header for `machine` with one program header of each given type. */
function elf(machine: number, programTypes: number[]): Buffer {
  const bytes = Buffer.alloc(64 + programTypes.length * 56);
  bytes.writeUInt32BE(0x7f454c46, 0);
  bytes[4] = 2;
  bytes[5] = 1;
  bytes.writeUInt16LE(machine, 18);
  bytes.writeBigUInt64LE(64n, 32);
  bytes.writeUInt16LE(56, 54);
  bytes.writeUInt16LE(programTypes.length, 56);
  programTypes.forEach((type, index) => bytes.writeUInt32LE(type, 64 + index * 56));
  return bytes;
}

describe('elfFacts', () => {
  it('tells a static binary from one that needs the image\'s loader', () => {
    expect(elfFacts(elf(0x3e, [1, 1]))).toEqual({ architecture: 'amd64', isStatic: true });
    expect(elfFacts(elf(0xb7, [6, 3, 1]))).toEqual({ architecture: 'arm64', isStatic: false });
  });

  it('reads nothing from what is not an ELF binary, or a truncated one', () => {
    expect(elfFacts(Buffer.from('#!/bin/sh\necho 10001\n'.padEnd(80)))).toBeUndefined();
    expect(elfFacts(elf(0x3e, [1]).subarray(0, 70))).toBeUndefined();
  });
});
