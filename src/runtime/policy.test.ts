import { describe, expect, it } from 'vitest';
import { hardenHostConfig } from './container.js';
import { containerCaps } from './limits.js';
import { refusalsFor } from './policy.js';

describe('refusalsFor', () => {
  it('accepts hardened settings', () => {
    expect(refusalsFor({ ReadonlyRootfs: true, CapDrop: ['ALL'], CapAdd: ['NET_BIND_SERVICE'], SecurityOpt: ['no-new-privileges'] })).toEqual([]);
  });

  it.each([
    ['privileged mode', { Privileged: true }, 'privileged'],
    ['the host network', { NetworkMode: 'host' }, 'network_mode: host'],
    ['the host PID namespace', { PidMode: 'host' }, 'pid: host'],
    ['the host IPC namespace', { IpcMode: 'host' }, 'ipc: host'],
    ['the Docker socket as a bind', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }, 'volume /var/run/docker.sock:/var/run/docker.sock'],
    ['a host path mount', { Mounts: [{ Type: 'bind' as const, Source: '/etc', Target: '/host-etc' }] }, 'mount /etc'],
    ['a device', { Devices: [{ PathOnHost: '/dev/kmsg', PathInContainer: '/dev/kmsg', CgroupPermissions: 'r' }] }, 'devices'],
    ['SYS_ADMIN', { CapAdd: ['SYS_ADMIN'] }, 'cap_add: SYS_ADMIN'],
    ['CAP_SYS_PTRACE', { CapAdd: ['CAP_SYS_PTRACE'] }, 'cap_add: CAP_SYS_PTRACE'],
    ['seccomp unconfined', { SecurityOpt: ['seccomp=unconfined'] }, 'security_opt: seccomp=unconfined'],
  ])('refuses %s', (_name, host, setting) => {
    expect(refusalsFor(host).map((r) => r.setting)).toContain(setting);
  });

  it('explains why the Docker socket is refused', () => {
    expect(refusalsFor({ Binds: ['/run/docker.sock:/s'] })[0]?.reason).toMatch(/root on the host/);
  });
});

describe('hardenHostConfig', () => {
  it('forces network none and caps resources', () => {
    const host = hardenHostConfig({ NetworkMode: 'bridge', Memory: 8 * 1024 ** 3, PidsLimit: 0 });
    expect(host).toMatchObject({ NetworkMode: 'none', Memory: containerCaps.memoryBytes, MemorySwap: containerCaps.memoryBytes, PidsLimit: containerCaps.pidsLimit, NanoCpus: containerCaps.nanoCpus });
  });

  it('keeps a learner limit that is tighter than the cap', () => {
    expect(hardenHostConfig({ Memory: 64 * 1024 ** 2, PidsLimit: 50 })).toMatchObject({ Memory: 64 * 1024 ** 2, PidsLimit: 50 });
  });
});
