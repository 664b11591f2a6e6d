/**
 * PID and memory bounds for a build's RUN steps that hold for both builders. The classic builder
 * takes `memory` but caps no PIDs; BuildKit takes neither. Both put their RUN processes under the
 * build's `cgroupparent`, so on a local Linux engine (same kernel, and shipshape allowed to write
 * /sys/fs/cgroup, as root is) a cgroup of our own with pids and memory limits, made before the
 * build and removed after, bounds every process of every step. Elsewhere (Docker Desktop's VM, a
 * remote engine, a systemd cgroup driver, no permission) there is no such cgroup and the build
 * has the bounds its builder gives (see limits.ts): the returned `bounded` says which.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type Docker from 'dockerode';
import { engineInfo } from './engineFacts.js';
import { processIsAlive } from './machine.js';

const ROOT = '/sys/fs/cgroup';
const PREFIX = 'shipshape-build-';

export interface BuildCgroup {
  /** For the build API's `cgroupparent`; undefined when no cgroup could be made. */
  parent: string | undefined;
  release(): Promise<void>;
}

export interface CgroupLimits {
  pids: number;
  memoryBytes: number;
}

const unbounded: BuildCgroup = { parent: undefined, release: async () => undefined };

export async function createBuildCgroup(docker: Docker, name: string, limits: CgroupLimits): Promise<BuildCgroup> {
  if (process.platform !== 'linux' || !(await engineIsLocalCgroupfs(docker))) return unbounded;
  const group = `${PREFIX}${process.pid}-${name}`;
  const made: string[] = [];
  try {
    if (existsSync(path.join(ROOT, 'cgroup.controllers'))) {
      // cgroup v2: one tree; the controllers must be enabled for the root's children.
      writeFileSync(path.join(ROOT, 'cgroup.subtree_control'), '+pids +memory');
      const dir = path.join(ROOT, group);
      mkdirSync(dir);
      made.push(dir);
      writeFileSync(path.join(dir, 'pids.max'), String(limits.pids));
      writeFileSync(path.join(dir, 'memory.max'), String(limits.memoryBytes));
      tryWrite(path.join(dir, 'memory.swap.max'), '0');
    } else {
      const pidsDir = path.join(ROOT, 'pids', group);
      const memoryDir = path.join(ROOT, 'memory', group);
      mkdirSync(pidsDir);
      made.push(pidsDir);
      writeFileSync(path.join(pidsDir, 'pids.max'), String(limits.pids));
      mkdirSync(memoryDir);
      made.push(memoryDir);
      writeFileSync(path.join(memoryDir, 'memory.limit_in_bytes'), String(limits.memoryBytes));
      tryWrite(path.join(memoryDir, 'memory.memsw.limit_in_bytes'), String(limits.memoryBytes));
    }
  } catch {
    await removeDirs(made);
    return unbounded;
  }
  return { parent: `/${group}`, release: () => removeDirs(made) };
}

let local: Promise<boolean> | undefined;

/** A unix socket on this machine, an engine on cgroupfs: then its cgroups are ours to shape. */
function engineIsLocalCgroupfs(docker: Docker): Promise<boolean> {
  local ??= (async () => {
    const socket = (docker.modem as { socketPath?: unknown }).socketPath;
    if (typeof socket !== 'string' || !existsSync(socket)) return false;
    const info = await engineInfo(docker);
    return info?.CgroupDriver === 'cgroupfs' && info.OSType === 'linux';
  })();
  return local;
}

function tryWrite(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch {
    // Swap accounting is off: memory alone is still bounded.
  }
}

/** The engine removes a step's cgroup a moment after the step: retried until empty, then given up. */
async function removeDirs(dirs: string[]): Promise<void> {
  for (const dir of dirs) {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        for (const child of readdirSync(dir, { withFileTypes: true })) if (child.isDirectory()) rmdirSync(path.join(dir, child.name));
        rmdirSync(dir);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

/** Build cgroups of processes that are gone (a SIGKILLed check): empty, so removable. */
export async function sweepBuildCgroups(): Promise<void> {
  if (process.platform !== 'linux') return;
  const parents = existsSync(path.join(ROOT, 'cgroup.controllers')) ? [ROOT] : [path.join(ROOT, 'pids'), path.join(ROOT, 'memory')];
  for (const parent of parents) {
    let entries: string[] = [];
    try {
      entries = readdirSync(parent).filter((entry) => entry.startsWith(PREFIX));
    } catch {
      continue;
    }
    const orphans = entries.filter((entry) => !processIsAlive(Number(entry.slice(PREFIX.length).split('-')[0])));
    await removeDirs(orphans.map((entry) => path.join(parent, entry)));
  }
}
