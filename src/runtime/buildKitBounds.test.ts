import { describe, expect, it } from 'vitest';
import { listeningSocketLine } from './buildKitBounds.js';

// Lines as /proc/net/unix prints them: the inode column is padded to five characters.
const table = [
  'Num       RefCount Protocol Flags    Type St Inode Path',
  '0000000028454730: 00000002 00000000 00010000 0001 01  6257 /var/run/docker.sock',
  '0000000028454731: 00000003 00000000 00000000 0001 03  6301 /var/run/docker.sock',
  '00000000a1b2c3d4: 00000002 00000000 00010000 0001 01 48213 /run/containerd/containerd.sock',
].join('\n');

describe('listeningSocketLine', () => {
  it('finds the listening socket when the kernel pads a short inode number', () => {
    expect(listeningSocketLine(table, '/var/run/docker.sock')?.trim().split(/\s+/)[6]).toBe('6257');
  });

  it('finds one with a full-width inode, and no connected socket or other path', () => {
    expect(listeningSocketLine(table, '/run/containerd/containerd.sock')?.trim().split(/\s+/)[6]).toBe('48213');
    expect(listeningSocketLine(table, '/run/other.sock')).toBeUndefined();
    expect(listeningSocketLine(table.split('\n').filter((l) => !l.includes(' 01 ')).join('\n'), '/var/run/docker.sock')).toBeUndefined();
  });
});
