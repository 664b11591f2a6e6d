/**
 * A runtime session owns what one check creates in Docker (images, containers, the layers its
 * builds commit) and removes all of it at the end: on success, on failure, on timeout, and on
 * every way out of the process (the CLI's shutdown runs the exit cleanup this module registers).
 * What a process killed outright leaves is removed by its reaper (reaper.ts) and, failing that,
 * by the next start's `sweepLeftovers`, which takes only this machine's orphans or anything
 * expired.
 */
import { randomBytes } from 'node:crypto';
import type Docker from 'dockerode';
import { isOrphan, MANAGED_LABEL, ownershipFromLabels, ownershipFromTag, ownershipLabels, sessionTag, type Ownership } from './labels.js';
import { timeouts } from './limits.js';
import { sweepBuildCgroups } from './buildCgroup.js';
import { machineId, processIsAlive } from './machine.js';
import { tellReaper } from './reaperLink.js';
import { removeContainer, removeImage } from './removal.js';
import { removeSessionObjects } from './sessionObjects.js';
import { registerExitCleanup } from '../shared/exitCleanups.js';

const activeSessions = new Set<RuntimeSession>();
// Every way out of the process (cli/shutdown.ts) removes what live sessions created.
registerExitCleanup({ pending: liveSessionCount, run: cleanupAllSessions });

export interface SessionOptions {
  /** How long the session may live before anyone may remove its objects (default: the longest check). */
  lifetimeMs?: number;
}

export class RuntimeSession {
  /** Put on everything this session creates, so cleanup also finds what it never got an id for. */
  readonly id = randomBytes(6).toString('hex');
  readonly owner: Ownership;
  private readonly containers = new Set<string>();
  private readonly images = new Set<string>();
  private readonly layers: string[] = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly controller = new AbortController();
  private cleaning: Promise<void> | undefined;
  private requestFailed = false;

  constructor(readonly docker: Docker, options: SessionOptions = {}) {
    this.owner = { session: this.id, machine: machineId(), pid: process.pid, expiresAt: Date.now() + (options.lifetimeMs ?? sessionLifetimeMs()) };
    activeSessions.add(this);
    // The reaper removes the session's objects at the check's deadline (the expiry adds the
    // cleanup's own time, for the sweep): no container outlives a check, whatever killed it.
    const lifetimeMs = this.owner.expiresAt - Date.now();
    tellReaper({ type: 'watch', session: this.id, expiresAt: Date.now() + Math.max(lifetimeMs - timeouts.cleanupMs, lifetimeMs / 2) });
  }

  /** The labels for an object this session creates. */
  labels(extra: Record<string, string> = {}): Record<string, string> {
    return ownershipLabels(this.owner, extra);
  }

  /** A tag naming this session as the owner, for an image it builds (`name` is readable, e.g. the challenge). */
  imageTag(name: string): string {
    return sessionTag(this.owner, name);
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
    tellReaper({ type: 'container', session: this.id, id });
  }

  trackImage(reference: string): void {
    this.images.add(reference);
    tellReaper({ type: 'image', session: this.id, id: reference });
  }

  /** A layer a classic build committed; removed at cleanup unless kept as cache (`keepLayers`). */
  trackLayer(id: string): void {
    this.layers.push(id);
    tellReaper({ type: 'layer', session: this.id, id });
  }

  /** Layers now held by the build cache: another check may stand on them. */
  keepLayers(ids: Iterable<string>): void {
    for (const id of ids) {
      const index = this.layers.indexOf(id);
      if (index === -1) continue;
      this.layers.splice(index, 1);
      tellReaper({ type: 'forget-layer', session: this.id, id });
    }
  }

  /**
   * A request (a build) whose end cleanup must wait for: a build cancelled during its last step
   * can still commit and tag its image after the request was aborted.
   */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    // A request that failed may have made something before it did: cleanup then searches.
    void work.catch(() => (this.requestFailed = true)).finally(() => this.inFlight.delete(work));
    return work;
  }

  /**
   * Removes everything this session created. Concurrent and repeated calls share one pass (the
   * shutdown handler and the check's own `finally` both call it). Never throws.
   */
  cleanup(): Promise<void> {
    this.cleaning ??= this.removeEverything();
    return this.cleaning;
  }

  private async removeEverything(): Promise<void> {
    activeSessions.delete(this);
    const interrupted = this.inFlight.size > 0;
    if (interrupted) {
      this.abort('the check is ending');
      await Promise.race([Promise.allSettled([...this.inFlight]), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    }
    const objects = () => ({ session: this.id, containers: [...this.containers], images: [...this.images], layers: [...this.layers] });
    // Every tracked request returned and none failed: the session knows all it made.
    const complete = !interrupted && !this.requestFailed && !this.controller.signal.aborted;
    await removeSessionObjects(this.docker, objects(), { complete }).catch(() => undefined);
    if (interrupted) {
      // The engine may finish a step it was in when the request was cut: look once more.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await removeSessionObjects(this.docker, objects()).catch(() => undefined);
    }
    tellReaper({ type: 'done', session: this.id });
  }
}

/** The check's deadline plus time for its cleanup: after this, any machine may sweep the objects. */
export function sessionLifetimeMs(): number {
  return timeouts.checkMs + timeouts.cleanupMs;
}

/** How many sessions have not finished their cleanup. */
export function liveSessionCount(): number {
  return activeSessions.size;
}

/** Aborts and cleans every live session; used by the CLI's shutdown on every way out. */
export async function cleanupAllSessions(reason: string): Promise<void> {
  const sessions = [...activeSessions];
  for (const session of sessions) session.abort(reason);
  await Promise.all(sessions.map((session) => session.cleanup()));
}

const sweeps = new WeakMap<Docker, Promise<number>>();

/**
 * Removes what killed runs left behind: this machine's objects whose owner process is gone, and
 * anyone's objects past their expiry. Runs once per process and engine (later calls share the
 * first's result). Returns how many objects were removed.
 */
export function sweepLeftovers(docker: Docker): Promise<number> {
  let sweep = sweeps.get(docker);
  if (!sweep) {
    sweep = sweepOrphans(docker).catch(() => 0);
    sweeps.set(docker, sweep);
  }
  return sweep;
}

/** One pass of the sweep (sweepLeftovers runs it once per process). */
export async function sweepOrphans(docker: Docker): Promise<number> {
  const here = { machine: machineId(), now: Date.now(), isAlive: processIsAlive };
  const filters = JSON.stringify({ label: [`${MANAGED_LABEL}=true`] });
  const [containers, images] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listImages()]);
  const outcomes = await Promise.all(containers.filter((info) => isOrphan(ownershipFromLabels(info.Labels), here)).map((info) => removeContainer(docker, info.Id)));
  const orphanImages = images.flatMap((info) => {
    if (isOrphan(ownershipFromLabels(info.Labels ?? undefined), here)) return [info.Id];
    return (info.RepoTags ?? []).filter((tag) => isOrphan(ownershipFromTag(tag), here));
  });
  for (const reference of orphanImages) outcomes.push(await removeImage(docker, reference));
  await sweepBuildCgroups();
  return outcomes.filter((outcome) => outcome === 'removed').length;
}
