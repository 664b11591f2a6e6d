/**
 * PID and memory caps for BuildKit's RUN steps. The Engine 20.10 BuildKit ignores the build's
 * `memory` and `cgroupparent`: every RUN gets a fresh cgroup under /docker/buildkit/, with no
 * limits. On a local engine on cgroupfs (v1), while our BuildKit build runs, each new step cgroup
 * whose processes descend from *our* engine's dockerd (several engines may share the host's
 * cgroup tree) gets pids.max and a memory limit the moment it is seen (inotify, with a poll as
 * the fallback). A step can fork or allocate only for that first instant; lowering the limit
 * below what it already holds makes the kernel refuse more processes and reclaim or kill.
 * Elsewhere nothing is watched, and the build has only its wall-clock bound (see limits.ts).
 */
import { existsSync, readdirSync, readFileSync, readlinkSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import type { CgroupLimits } from './buildCgroup.js';

const PIDS_ROOT = '/sys/fs/cgroup/pids/docker/buildkit';
const MEMORY_ROOT = '/sys/fs/cgroup/memory/docker/buildkit';
const POLL_MS = 50;

export interface BuildKitWatch {
  stop(): void;
}

const none: BuildKitWatch = { stop: () => undefined };

export function boundBuildKitSteps(docker: Docker, limits: CgroupLimits): BuildKitWatch {
  // The engine makes /docker/buildkit at its first BuildKit build, which may be this one: a v1
  // pids hierarchy is enough to start looking (the poll finds the folder once it appears).
  if (process.platform !== 'linux' || !existsSync(path.dirname(path.dirname(PIDS_ROOT)))) return none;
  const enginePid = localEnginePid(docker);
  if (enginePid === undefined) return none;
  const seen = new Set<string>(safeList(PIDS_ROOT));
  const apply = () => {
    for (const step of safeList(PIDS_ROOT)) {
      if (seen.has(step)) continue;
      const pids = safeRead(path.join(PIDS_ROOT, step, 'cgroup.procs')).split('\n').filter(Boolean).map(Number);
      // A step cgroup is briefly empty while runc sets it up: look again next time.
      if (pids.length === 0) continue;
      seen.add(step);
      if (!pids.some((pid) => descendsFrom(pid, enginePid))) continue;
      safeWrite(path.join(PIDS_ROOT, step, 'pids.max'), String(limits.pids));
      safeWrite(path.join(MEMORY_ROOT, step, 'memory.limit_in_bytes'), String(limits.memoryBytes));
      safeWrite(path.join(MEMORY_ROOT, step, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
    }
  };
  let watcher: FSWatcher | undefined;
  try {
    if (existsSync(PIDS_ROOT)) watcher = watch(PIDS_ROOT, apply);
    watcher?.on('error', () => undefined);
  } catch {
    watcher = undefined;
  }
  const timer = setInterval(apply, POLL_MS);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      watcher?.close();
    },
  };
}

let cachedEnginePid: number | null | undefined;

/** The pid of the dockerd behind a local unix socket: the process holding the listening socket's inode. */
function localEnginePid(docker: Docker): number | undefined {
  if (cachedEnginePid !== undefined) return cachedEnginePid ?? undefined;
  cachedEnginePid = null;
  const socket = (docker.modem as { socketPath?: unknown }).socketPath;
  if (typeof socket !== 'string') return undefined;
  // "Num RefCount Protocol Flags Type St Inode Path": a listening socket is in state 01, and
  // the kernel pads short inode numbers with spaces.
  const line = listeningSocketLine(safeRead('/proc/net/unix'), socket);
  const inode = line?.trim().split(/\s+/)[6];
  if (!inode) return undefined;
  for (const pid of safeList('/proc').filter((entry) => /^\d+$/.test(entry))) {
    for (const fd of safeList(`/proc/${pid}/fd`)) {
      if (safeLink(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`) {
        cachedEnginePid = Number(pid);
        return cachedEnginePid;
      }
    }
  }
  return undefined;
}

/** The /proc/net/unix line of the socket listening at `socket`, if any. */
export function listeningSocketLine(table: string, socket: string): string | undefined {
  return table.split('\n').find((entry) => entry.endsWith(` ${socket}`) && / 01 +\d+ /.test(entry));
}

function descendsFrom(pid: number, ancestor: number): boolean {
  let current = pid;
  for (let depth = 0; depth < 8 && current > 1; depth++) {
    if (current === ancestor) return true;
    current = Number(/^PPid:\s+(\d+)/m.exec(safeRead(`/proc/${current}/status`))?.[1] ?? 0);
  }
  return current === ancestor;
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory() || entry.isSymbolicLink()).map((entry) => entry.name);
  } catch {
    return [];
  }
}

function safeRead(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function safeLink(file: string): string {
  try {
    return readlinkSync(file);
  } catch {
    return '';
  }
}

function safeWrite(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch {
    // The step ended meanwhile, or swap accounting is off.
  }
}
