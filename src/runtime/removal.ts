/**
 * Removing Docker objects on an engine other checks share. A removal is retried until the object
 * is gone or the engine is; what another check still uses is left alone: images are removed
 * without `force` (the engine then refuses an image a container or a child image stands on) and
 * without pruning parents (another build may be standing on them as its cache), except where the
 * caller has just orphaned a whole chain of its own (`prune`).
 */
import type Docker from 'dockerode';

export type RemovalOutcome = 'removed' | 'gone' | 'in-use' | 'engine-gone';

const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600, 3200];

export async function removeContainer(docker: Docker, id: string): Promise<RemovalOutcome> {
  return withRetries(() => docker.getContainer(id).remove({ force: true, v: true }), { retryConflicts: true });
}

/**
 * Removes an image (or only the tag, when `reference` is one of several tags of it). A conflict
 * means a container or a child image uses it: retried briefly (our own container may still be
 * going away), then left to whoever uses it.
 */
export async function removeImage(docker: Docker, reference: string, options: { prune?: boolean } = {}): Promise<RemovalOutcome> {
  return withRetries(() => docker.getImage(reference).remove({ force: false, noprune: options.prune !== true }), { retryConflicts: true, conflictAttempts: 3 });
}

interface RetryOptions {
  retryConflicts: boolean;
  conflictAttempts?: number;
}

async function withRetries(remove: () => Promise<unknown>, options: RetryOptions): Promise<RemovalOutcome> {
  let conflicts = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      await remove();
      return 'removed';
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      if (status === 404) return 'gone';
      if (status === undefined) return 'engine-gone';
      if (status === 409) {
        conflicts++;
        if (!options.retryConflicts || conflicts >= (options.conflictAttempts ?? RETRY_DELAYS_MS.length)) return 'in-use';
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) return status === 409 ? 'in-use' : 'engine-gone';
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
