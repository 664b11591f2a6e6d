import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Challenge } from '../content/schema.js';
import type { CheckRunner, RunnerOptions, RunnerVerdict } from './checkRunner.js';
import { createWatchLoop, type WatchEvent } from './watchLoop.js';

const challenge = (runtime: boolean) => ({ id: 'c', checks: { static: [{ rule: 'r', points: 1 }], runtime: runtime ? { probes: [] } : undefined } }) as unknown as Challenge;
const verdict = (passed: boolean): RunnerVerdict => ({ challenge: 'c', passed, checks: [] });

/** A runner whose checks finish when the test says so. */
function controlledRunner() {
  const calls: { options: RunnerOptions; finish: (v: RunnerVerdict) => void }[] = [];
  const runner: CheckRunner = (_c, options) => new Promise((resolve) => calls.push({ options, finish: resolve }));
  return { runner, calls };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('watch loop', () => {
  afterEach(() => vi.useRealTimers());

  it('runs static checks at once and the runtime half after a quiet spell, when static passes', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { runner, calls } = controlledRunner();
    const events: WatchEvent[] = [];
    const loop = createWatchLoop({ challenge: challenge(true), dir: '/w', staticOnly: false, runCheck: runner, runtimeDelayMs: 500, onEvent: (e) => events.push(e) });
    loop.changed();
    expect(calls.map((c) => c.options.staticOnly)).toEqual([true]);
    calls[0]?.finish(verdict(true));
    await flush();
    expect(events.find((e) => e.type === 'check-finished')).toMatchObject({ final: false });
    vi.advanceTimersByTime(499);
    expect(calls).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(calls.map((c) => c.options.staticOnly)).toEqual([true, false]);
    calls[1]?.finish(verdict(true));
    await flush();
    expect(events.filter((e) => e.type === 'check-finished').at(-1)).toMatchObject({ staticOnly: false, final: true });
    await loop.stop();
  });

  it('does not build when the static checks fail', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { runner, calls } = controlledRunner();
    const events: WatchEvent[] = [];
    const loop = createWatchLoop({ challenge: challenge(true), dir: '/w', staticOnly: false, runCheck: runner, onEvent: (e) => events.push(e) });
    loop.changed();
    calls[0]?.finish(verdict(false));
    await flush();
    vi.advanceTimersByTime(10_000);
    expect(calls).toHaveLength(1);
    expect(events.at(-1)).toMatchObject({ type: 'check-finished', final: true });
    await loop.stop();
  });

  it('cancels the running check on a new save and never shows its late result', async () => {
    const { runner, calls } = controlledRunner();
    const events: WatchEvent[] = [];
    const loop = createWatchLoop({ challenge: challenge(false), dir: '/w', staticOnly: false, runCheck: runner, onEvent: (e) => events.push(e) });
    loop.changed();
    loop.changed();
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    expect(calls[1]?.options.signal?.aborted).toBe(false);
    calls[0]?.finish(verdict(true));
    calls[1]?.finish(verdict(false));
    await flush();
    const finished = events.filter((e) => e.type === 'check-finished');
    expect(finished).toHaveLength(1);
    expect(finished[0]).toMatchObject({ run: 2, verdict: { passed: false } });
    await loop.stop();
  });

  it('aborts the running check on stop and waits for it to let go', async () => {
    const { runner, calls } = controlledRunner();
    const loop = createWatchLoop({ challenge: challenge(false), dir: '/w', staticOnly: false, runCheck: runner, onEvent: () => undefined });
    loop.changed();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    expect(calls[0]?.options.signal?.aborted).toBe(true);
    await flush();
    expect(stopped).toBe(false);
    calls[0]?.finish({ ...verdict(false), cancelled: true });
    await stopping;
    expect(stopped).toBe(true);
  });

  it('reports a check that threw, instead of dying', async () => {
    const events: WatchEvent[] = [];
    const loop = createWatchLoop({ challenge: challenge(false), dir: '/w', staticOnly: true, runCheck: () => Promise.reject(new Error('engine gone')), onEvent: (e) => events.push(e) });
    loop.changed();
    await flush();
    expect(events.at(-1)).toEqual({ type: 'check-failed', run: 1, message: 'engine gone' });
    await loop.stop();
  });
});
