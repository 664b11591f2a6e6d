/**
 * A promise that settles as the work does, or rejects as soon as the signal aborts. The work
 * itself cannot be stopped from here (a probe's exec ends when cleanup removes its container; a
 * graded check past its deadline still finishes its own cleanup), so it goes on and may reject
 * later: it is always observed, so that rejection is never an unhandled one, even when the
 * signal had aborted before the work was handed in.
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
