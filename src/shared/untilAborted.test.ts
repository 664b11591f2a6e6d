import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { untilAborted } from './untilAborted.js';

describe('untilAborted', () => {
  const unhandled: unknown[] = [];
  const record = (reason: unknown) => unhandled.push(reason);
  beforeEach(() => {
    unhandled.length = 0;
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('settles as the work does while the signal is quiet', async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
    await expect(untilAborted(Promise.reject(new Error('no such exec')), controller.signal)).rejects.toThrow('no such exec');
  });

  it('rejects with the reason as soon as the signal aborts, and the work failing later is not unhandled', async () => {
    const controller = new AbortController();
    let failWork!: (error: Error) => void;
    const work = new Promise<number>((_, reject) => (failWork = reject));
    const waiting = untilAborted(work, controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(waiting).rejects.toThrow('cancelled');
    failWork(new Error('no such exec'));
    await settle();
    expect(unhandled).toEqual([]);
  });

  it('rejects at once when the signal had already aborted, and the work failing later is not unhandled', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    let failWork!: (error: Error) => void;
    const work = new Promise<number>((_, reject) => (failWork = reject));
    await expect(untilAborted(work, controller.signal)).rejects.toThrow('cancelled');
    failWork(new Error('no such exec'));
    await settle();
    expect(unhandled).toEqual([]);
  });
});
