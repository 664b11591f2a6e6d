import { describe, expect, it } from 'vitest';
import { hardenHostConfig } from './container.js';
import { containerCaps } from './limits.js';

describe('hardenHostConfig and tmpfs', () => {
  it('gives every tmpfs a size no larger than the cap, keeping the learner\'s other options', () => {
    const host = hardenHostConfig({ Tmpfs: { '/tmp': 'rw,noexec', '/run': 'size=8g', '/cache': 'size=16m,mode=1777' } });
    expect(host.Tmpfs).toEqual({ '/tmp': `rw,noexec,size=${containerCaps.tmpfsBytes}`, '/run': `size=${containerCaps.tmpfsBytes}`, '/cache': `mode=1777,size=${16 * 1024 * 1024}` });
  });

  it('caps tmpfs mounts given as Mounts too', () => {
    const host = hardenHostConfig({ Mounts: [{ Type: 'tmpfs', Target: '/scratch', Source: '' }, { Type: 'tmpfs', Target: '/small', Source: '', TmpfsOptions: { SizeBytes: 1024, Mode: 0o700 } }] });
    expect(host.Mounts?.map((mount) => mount.TmpfsOptions)).toEqual([{ SizeBytes: containerCaps.tmpfsBytes }, { SizeBytes: 1024, Mode: 0o700 }]);
  });
});
