/**
 * The edge of `shipshape doctor`: asks this machine and its engine what diagnose.ts judges.
 * Every question is bounded (a ping with a timeout) and none changes anything.
 */
import { statfsSync } from 'node:fs';
import type Docker from 'dockerode';
import { imageStatuses } from '../runtime/baseImages.js';
import { alternativeSockets, processEnvironment, resolveEngineEndpoint, type ResolveEnvironment } from '../runtime/dockerContext.js';
import { connectEngine } from '../runtime/engine.js';
import { MANAGED_LABEL, OWNER_LABEL } from '../runtime/labels.js';
import type { DoctorFacts } from './diagnose.js';

export interface GatherOptions {
  env: NodeJS.ProcessEnv;
  /** The base images the course needs. */
  images: readonly string[];
  dataDir: string;
  nodeRequired: string;
  /** Injected by tests that describe which sockets exist. */
  where?: ResolveEnvironment;
}

export async function gatherFacts(options: GatherOptions): Promise<DoctorFacts> {
  const where = options.where ?? processEnvironment(options.env);
  let endpoint: DoctorFacts['endpoint'];
  try {
    const resolved = resolveEngineEndpoint(where);
    endpoint = { host: resolved.host, source: resolved.source, fromDockerHost: Boolean(where.env.DOCKER_HOST) };
  } catch (error) {
    endpoint = { error: (error as Error).message };
  }
  const facts: DoctorFacts = {
    nodeVersion: process.versions.node,
    nodeRequired: options.nodeRequired,
    endpoint,
    engineKind: 'host' in endpoint ? engineKind(endpoint.host, where) : undefined,
    engine: { reached: false, error: 'no endpoint' },
    images: undefined,
    freeDiskBytes: freeDisk(options.dataDir),
    dataDir: options.dataDir,
    leftovers: undefined,
  };
  if (!('host' in endpoint)) return facts;
  let docker: Docker;
  try {
    docker = await connectEngine(3_000, { env: where.env });
  } catch (error) {
    facts.engine = { reached: false, error: reasonOnly((error as Error).message) };
    return facts;
  }
  const [version, info] = await Promise.all([docker.version(), docker.info().catch(() => undefined)]);
  const securityOptions: string[] = (info as { SecurityOptions?: string[] } | undefined)?.SecurityOptions ?? [];
  facts.engine = {
    reached: true,
    version: version.Version,
    apiVersion: version.ApiVersion,
    os: `${version.Os}/${version.Arch}`,
    rootless: securityOptions.some((option) => option.includes('name=rootless')),
    buildKit: apiAtLeast(version.ApiVersion, 1, 39),
  };
  facts.images = (await imageStatuses(docker, options.images)).map(({ reference, present, standIn }) => ({ reference, present, standIn }));
  facts.leftovers = await leftovers(docker);
  return facts;
}

function engineKind(host: string, where: ResolveEnvironment): string | undefined {
  if (host.startsWith('ssh://')) return 'a remote engine over ssh';
  if (host.startsWith('tcp://') || host.startsWith('https://')) return 'a remote engine over tcp';
  const socket = host.replace(/^unix:\/\//, '');
  const known = alternativeSockets(where).find((s) => s.socket === socket);
  if (known) return known.engine;
  if (/podman/.test(socket)) return 'Podman';
  if (/colima/.test(socket)) return 'Colima';
  return undefined;
}

function apiAtLeast(api: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = api.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

function freeDisk(dir: string): number | undefined {
  // The data folder may not exist yet; its nearest existing parent is on the same disk.
  for (let candidate = dir; ; ) {
    try {
      const stats = statfsSync(candidate);
      return stats.bavail * stats.bsize;
    } catch {
      const parent = candidate.replace(/\/[^/]*\/?$/, '') || '/';
      if (parent === candidate) return undefined;
      candidate = parent;
    }
  }
}

async function leftovers(docker: Docker): Promise<DoctorFacts['leftovers']> {
  const filters = JSON.stringify({ label: [`${MANAGED_LABEL}=true`] });
  const [containers, images] = await Promise.all([docker.listContainers({ all: true, filters }).catch(() => []), docker.listImages({ filters }).catch(() => [])]);
  const alive = (labels: Record<string, string> | undefined | null) => {
    const pid = Number(labels?.[OWNER_LABEL]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  };
  const orphans = containers.filter((c) => !alive(c.Labels)).length + images.filter((i) => !alive(i.Labels)).length;
  return { containers: containers.length, images: images.length, orphans };
}

/** EngineUnavailableError's sentence names the endpoint and the remedy; doctor says those itself. */
function reasonOnly(message: string): string {
  const match = /^No Docker engine answered \((.*)\)\. Start/s.exec(message);
  const inner = match?.[1] ?? message;
  return inner.replace(/^.*?, (?:from [^:]*|the default socket[^:]*|found [^:]*): /, '');
}
