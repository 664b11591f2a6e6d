/**
 * A promise that settles as the work does, or rejects as soon as the signal aborts. The work
 * itself cannot be stopped from here (cleanup ends the exec it waits on), so it goes on and will
 * usually reject once its container is gone: it is always observed, so that rejection is never
 * an unhandled one, even when the signal had aborted before the work was handed in.
 */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    work.catch(() => undefined);
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
