/** Shared helpers for runtime tests: the engine, and what shipshape left on it. */
import type Docker from 'dockerode';
import { connectEngine } from '../../src/runtime/engine.js';
import { MANAGED_LABEL, OWNER_LABEL } from '../../src/runtime/labels.js';

let engine: Promise<Docker> | undefined;

export function testEngine(): Promise<Docker> {
  engine ??= connectEngine(10_000);
  return engine;
}

/** Containers and images labelled as shipshape's, optionally only those of one owner pid. */
export async function labelledLeftovers(docker: Docker, ownerPid?: number): Promise<{ containers: number; images: number }> {
  const label = [`${MANAGED_LABEL}=true`, ...(ownerPid === undefined ? [] : [`${OWNER_LABEL}=${ownerPid}`])];
  const filters = JSON.stringify({ label });
  const [containers, images] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listImages({ filters })]);
  return { containers: containers.length, images: images.length };
}
