/**
 * Reading just enough of an ELF header to know whether a binary can run in any Linux container
 * of an architecture: static (no program interpreter) and built for that machine. Pure.
 */

/** Engine architecture names (`docker version` Arch) by ELF e_machine. */
const MACHINES: Record<number, string> = { 0x3e: 'amd64', 0xb7: 'arm64', 0x28: 'arm', 0x03: '386', 0xf3: 'riscv64', 0x15: 'ppc64le', 0x16: 's390x' };

export interface ElfFacts {
  architecture: string | undefined;
  isStatic: boolean;
}

/** @example elfFacts(readFileSync('/bin/busybox')) // { architecture: 'amd64', isStatic: true } on Debian's busybox-static */
export function elfFacts(bytes: Buffer): ElfFacts | undefined {
  if (bytes.length < 64 || bytes.readUInt32BE(0) !== 0x7f454c46) return undefined;
  const is64 = bytes[4] === 2;
  const little = bytes[5] === 1;
  const u16 = (offset: number) => (little ? bytes.readUInt16LE(offset) : bytes.readUInt16BE(offset));
  const u32 = (offset: number) => (little ? bytes.readUInt32LE(offset) : bytes.readUInt32BE(offset));
  const word = (offset: number) => (is64 ? Number(little ? bytes.readBigUInt64LE(offset) : bytes.readBigUInt64BE(offset)) : u32(offset));
  const machine = u16(18);
  const programHeaders = word(is64 ? 32 : 28);
  const entrySize = u16(is64 ? 54 : 42);
  const count = u16(is64 ? 56 : 44);
  let isStatic = true;
  for (let index = 0; index < count; index++) {
    const offset = programHeaders + index * entrySize;
    if (offset + Math.max(entrySize, 4) > bytes.length) return undefined;
    // PT_INTERP: the binary needs a dynamic loader from the image, which the image controls.
    if (u32(offset) === 3) isStatic = false;
  }
  return { architecture: MACHINES[machine], isStatic };
}
