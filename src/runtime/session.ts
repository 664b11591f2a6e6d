/**
 * A runtime session owns what one check creates in Docker (images, containers) and removes all
 * of it at the end: on success, on failure, on timeout, and on Ctrl-C (the CLI calls
 * `cleanupAllSessions` from its SIGINT handler). Leftovers of a run that was killed outright are
 * swept at the next start by `sweepLeftovers`.
 */
import { randomUUID } from 'node:crypto';
import type Docker from 'dockerode';
import { MANAGED_LABEL, OWNER_LABEL, SESSION_LABEL, shipshapeLabels } from './labels.js';

const activeSessions = new Set<RuntimeSession>();

export class RuntimeSession {
  /** Put on everything this session creates, so cleanup also finds what it never got an id for. */
  readonly id = randomUUID();
  private readonly containers = new Set<string>();
  private readonly images = new Set<string>();
  private readonly controller = new AbortController();
  private cleaning: Promise<void> | undefined;

  constructor(readonly docker: Docker) {
    activeSessions.add(this);
  }

  /** The labels for an object this session creates. */
  labels(extra: Record<string, string> = {}): Record<string, string> {
    return shipshapeLabels({ ...extra, [SESSION_LABEL]: this.id });
  }

  /** Aborted on Ctrl-C or when the check's deadline passes; pass it to every Docker request. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  abort(reason: string): void {
    if (!this.controller.signal.aborted) this.controller.abort(new Error(reason));
  }

  trackContainer(id: string): void {
    this.containers.add(id);
  }

  trackImage(reference: string): void {
    this.images.add(reference);
  }

  /**
   * Removes everything this session created. Concurrent and repeated calls share one pass (the
   * Ctrl-C handler and the check's own `finally` both call it). Never throws.
   */
  cleanup(): Promise<void> {
    this.cleaning ??= this.removeEverything();
    return this.cleaning;
  }

  private async removeEverything(): Promise<void> {
    activeSessions.delete(this);
    const filters = JSON.stringify({ label: [`${SESSION_LABEL}=${this.id}`] });
    // A create request cut short by Ctrl-C may have made a container whose id we never saw.
    const listed = await this.docker.listContainers({ all: true, filters }).catch(() => []);
    const containers = new Set([...this.containers, ...listed.map((c) => c.Id)]);
    await Promise.all([...containers].map((id) => this.docker.getContainer(id).remove({ force: true, v: true }).catch(ignoreMissing)));
    // Images only after their containers: an image still in use would only be untagged.
    const listedImages = await this.docker.listImages({ filters }).catch(() => []);
    for (const reference of new Set([...this.images, ...listedImages.map((i) => i.Id)])) {
      await this.docker.getImage(reference).remove({ force: true }).catch(ignoreMissing);
    }
  }
}

function ignoreMissing(): void {
  // Already gone (or the engine went away): either way there is nothing left for us to remove.
}

/** Aborts and cleans every live session; used by the SIGINT/SIGTERM handler. */
export async function cleanupAllSessions(reason: string): Promise<void> {
  const sessions = [...activeSessions];
  for (const session of sessions) session.abort(reason);
  await Promise.all(sessions.map((session) => session.cleanup()));
}

/**
 * Removes containers and images labelled by shipshape whose owner process is gone: what a
 * `kill -9` or a power cut left behind. Returns how many objects were removed.
 */
export async function sweepLeftovers(docker: Docker): Promise<number> {
  const filters = JSON.stringify({ label: [`${MANAGED_LABEL}=true`] });
  const isOrphan = (labels: Record<string, string> | undefined) => !processIsAlive(Number(labels?.[OWNER_LABEL]));
  let removed = 0;
  const containers = await docker.listContainers({ all: true, filters });
  for (const info of containers.filter((c) => isOrphan(c.Labels))) {
    await docker.getContainer(info.Id).remove({ force: true, v: true }).then(() => removed++, ignoreMissing);
  }
  const images = await docker.listImages({ filters });
  for (const info of images.filter((i) => isOrphan(i.Labels ?? undefined))) {
    await docker.getImage(info.Id).remove({ force: true }).then(() => removed++, ignoreMissing);
  }
  return removed;
}

function processIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
