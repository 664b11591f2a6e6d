import { describe, expect, it } from 'vitest';
import { bytesInWords, describeCgroup, describeRequested, limitProblems, requestedLimits } from './resourceLimits.js';

const MiB = 1024 * 1024;

describe('requestedLimits', () => {
  it('reads memory, PIDs and CPUs from NanoCpus or a CFS quota', () => {
    expect(requestedLimits({ Memory: 128 * MiB, PidsLimit: 64, NanoCpus: 500_000_000 })).toEqual({ memoryBytes: 128 * MiB, pids: 64, cpus: 0.5 });
    expect(requestedLimits({ CpuQuota: 50_000, CpuPeriod: 100_000 }).cpus).toBe(0.5);
  });

  it('treats zero and -1 as no limit, as Docker does', () => {
    expect(requestedLimits({ Memory: 0, PidsLimit: -1 })).toEqual({ memoryBytes: undefined, pids: undefined, cpus: undefined });
  });
});

describe('limitProblems', () => {
  it('accepts limits within the maxima', () => {
    expect(limitProblems({ memoryBytes: 128 * MiB, pids: 64 }, { maxMemoryBytes: 256 * MiB, maxPids: 100 })).toEqual([]);
  });

  it('names each missing or too generous limit', () => {
    expect(limitProblems({}, { requireCpuLimit: true })).toEqual(['no memory limit was set', 'no PID limit was set', 'no CPU limit was set']);
    expect(limitProblems({ memoryBytes: 1024 * MiB, pids: 500, cpus: 2 }, { maxMemoryBytes: 256 * MiB, maxPids: 100, requireCpuLimit: true })).toEqual([
      'the memory limit 1 GiB is above the 256 MiB allowed',
      'the PID limit 500 is above the 100 allowed',
    ]);
  });
});

describe('describing limits', () => {
  it('says what the learner asked for', () => {
    expect(describeRequested({ memoryBytes: 64 * MiB, pids: 50 })).toBe('memory 64 MiB, PIDs 50, no CPU limit');
  });

  it('quotes cgroup v1 files with their meaning', () => {
    expect(describeCgroup({ version: 1, memory: '104857600', pids: '50', cpu: '50000', cpuPeriod: '100000' })).toBe(
      'inside the container, cgroup v1: memory.limit_in_bytes 104857600 (100 MiB), pids.max 50, cpu.cfs_quota_us 50000 (0.5 CPU)',
    );
    expect(describeCgroup({ version: 1, memory: '9223372036854771712', pids: 'max', cpu: '-1' })).toBe(
      'inside the container, cgroup v1: memory.limit_in_bytes 9223372036854771712 (no limit), pids.max max (no limit), cpu.cfs_quota_us -1 (no limit)',
    );
  });

  it('quotes cgroup v2 files', () => {
    expect(describeCgroup({ version: 2, memory: 'max', pids: '128', cpu: '100000 100000' })).toBe(
      'inside the container, cgroup v2: memory.max max (no limit), pids.max 128, cpu.max "100000 100000" (1 CPU)',
    );
    expect(describeCgroup({ version: 2 })).toMatch(/could not be read/);
  });

  it('writes sizes in binary units', () => {
    expect(bytesInWords(256 * MiB)).toBe('256 MiB');
    expect(bytesInWords(1536 * MiB)).toBe('1.5 GiB');
    expect(bytesInWords(512)).toBe('512 bytes');
  });
});
