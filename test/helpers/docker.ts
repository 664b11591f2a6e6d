/**
 * Shared helpers for runtime tests: the engine, and what shipshape left on it. Leftovers are
 * always counted for one owner (a session, or the pid of a CLI the test started), never for the
 * whole engine: other checks may be using it at the same time.
 */
import type Docker from 'dockerode';
import { connectEngine } from '../../src/runtime/engine.js';
import { ownershipFromLabels, ownershipFromTag, type Ownership } from '../../src/runtime/labels.js';

let engine: Promise<Docker> | undefined;

export function testEngine(): Promise<Docker> {
  engine ??= connectEngine(10_000);
  return engine;
}

export interface OwnerFilter {
  /** Objects of this session only. */
  session?: string;
  /** Objects made by this process (a CLI a test spawned, or the test process itself). */
  pid?: number;
}

/** Containers and images (by label, or by a session's tag) that belong to the given owner. */
export async function labelledLeftovers(docker: Docker, owner: OwnerFilter): Promise<{ containers: number; images: number }> {
  if (owner.session === undefined && owner.pid === undefined) throw new Error('labelledLeftovers counts one owner: give a session or a pid');
  const matches = (found: Ownership | undefined) =>
    found !== undefined && (owner.session === undefined || found.session === owner.session) && (owner.pid === undefined || found.pid === owner.pid);
  const [containers, images] = await Promise.all([docker.listContainers({ all: true }), docker.listImages()]);
  return {
    containers: containers.filter((info) => matches(ownershipFromLabels(info.Labels))).length,
    images: images.filter((info) => matches(ownershipFromLabels(info.Labels ?? undefined)) || (info.RepoTags ?? []).some((tag) => matches(ownershipFromTag(tag)))).length,
  };
}
