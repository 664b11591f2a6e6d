/**
 * Resource limits, two ways: what the learner asked for (their own host settings, before
 * shipshape adds its safety caps) judged against a challenge's maxima, and what the container
 * sees in its cgroup files, in words. Pure: the probe gathers the inputs.
 */
import type Docker from 'dockerode';

export interface LimitMaxima {
  maxMemoryBytes?: number;
  maxPids?: number;
  requireCpuLimit?: boolean;
}

export interface RequestedLimits {
  memoryBytes?: number;
  pids?: number;
  /** In CPUs: 0.5 means half a core. */
  cpus?: number;
}

/** The limits in the learner's own settings; zero and negative values mean "no limit" to Docker. */
export function requestedLimits(host: Docker.HostConfig): RequestedLimits {
  const positive = (value: number | null | undefined) => (value !== undefined && value !== null && value > 0 ? value : undefined);
  const period = positive(host.CpuPeriod) ?? 100_000;
  const quota = positive(host.CpuQuota);
  const nano = positive(host.NanoCpus);
  return {
    memoryBytes: positive(host.Memory),
    pids: positive(host.PidsLimit),
    cpus: nano !== undefined ? nano / 1e9 : quota !== undefined ? quota / period : undefined,
  };
}

/**
 * What is missing or too generous, one sentence each; empty when the request is good. Memory and
 * PIDs are always required (both protect the host from one container); CPU only on request.
 */
export function limitProblems(requested: RequestedLimits, maxima: LimitMaxima): string[] {
  const problems: string[] = [];
  if (requested.memoryBytes === undefined) problems.push('no memory limit was set');
  else if (maxima.maxMemoryBytes !== undefined && requested.memoryBytes > maxima.maxMemoryBytes) {
    problems.push(`the memory limit ${bytesInWords(requested.memoryBytes)} is above the ${bytesInWords(maxima.maxMemoryBytes)} allowed`);
  }
  if (requested.pids === undefined) problems.push('no PID limit was set');
  else if (maxima.maxPids !== undefined && requested.pids > maxima.maxPids) problems.push(`the PID limit ${requested.pids} is above the ${maxima.maxPids} allowed`);
  if (maxima.requireCpuLimit && requested.cpus === undefined) problems.push('no CPU limit was set');
  return problems;
}

export function describeRequested(requested: RequestedLimits): string {
  const memory = requested.memoryBytes === undefined ? 'no memory limit' : `memory ${bytesInWords(requested.memoryBytes)}`;
  const pids = requested.pids === undefined ? 'no PID limit' : `PIDs ${requested.pids}`;
  const cpus = requested.cpus === undefined ? 'no CPU limit' : `${formatCpus(requested.cpus)} CPU`;
  return `${memory}, ${pids}, ${cpus}`;
}

/** The contents of the cgroup files a container can read, v2 or v1; absent files are undefined. */
export interface CgroupFiles {
  version: 1 | 2;
  memory?: string;
  pids?: string;
  /** v2: `cpu.max` ("max 100000" or "50000 100000"); v1: `cfs_quota_us` and `cfs_period_us`. */
  cpu?: string;
  cpuPeriod?: string;
}

/** One phrase per file, quoting the raw value and what it means. */
export function describeCgroup(files: CgroupFiles): string {
  const memoryFile = files.version === 2 ? 'memory.max' : 'memory.limit_in_bytes';
  const parts: string[] = [];
  if (files.memory !== undefined) parts.push(`${memoryFile} ${files.memory} (${memoryMeaning(files.memory)})`);
  if (files.pids !== undefined) parts.push(`pids.max ${files.pids}${files.pids === 'max' ? ' (no limit)' : ''}`);
  const cpus = cgroupCpus(files);
  if (files.cpu !== undefined) {
    const raw = files.version === 2 ? `cpu.max "${files.cpu}"` : `cpu.cfs_quota_us ${files.cpu}`;
    parts.push(`${raw} (${cpus === undefined ? 'no limit' : `${formatCpus(cpus)} CPU`})`);
  }
  return parts.length > 0 ? `inside the container, cgroup v${files.version}: ${parts.join(', ')}` : 'the cgroup limit files could not be read inside the container';
}

function memoryMeaning(raw: string): string {
  const bytes = Number(raw);
  // cgroup v1 writes "no limit" as a number close to 2^63.
  if (raw === 'max' || !Number.isFinite(bytes) || bytes >= 2 ** 62) return 'no limit';
  return bytesInWords(bytes);
}

function cgroupCpus(files: CgroupFiles): number | undefined {
  if (files.cpu === undefined) return undefined;
  if (files.version === 2) {
    const [quota, period] = files.cpu.split(/\s+/);
    return quota === undefined || quota === 'max' ? undefined : Number(quota) / Number(period ?? 100_000);
  }
  const quota = Number(files.cpu);
  return quota > 0 ? quota / Number(files.cpuPeriod ?? 100_000) : undefined;
}

export function bytesInWords(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1024) return `${trim(mib / 1024)} GiB`;
  return mib >= 1 ? `${trim(mib)} MiB` : `${bytes} bytes`;
}

function formatCpus(cpus: number): string {
  return trim(cpus);
}

function trim(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '');
}
