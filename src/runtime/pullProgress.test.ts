import { describe, expect, it } from 'vitest';
import { layerPhase, pullDisplay, PullProgress, type PullEvent } from './pullProgress.js';

// Events in the shape the engine streams for `docker pull busybox:1.36.1` (no registry is
// reachable where the tests run, so they are written out rather than captured live).
const recorded: PullEvent[] = [
  { status: 'Pulling from library/busybox', id: '1.36.1' },
  { status: 'Pulling fs layer', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Pulling fs layer', progressDetail: {}, id: '0f9e8d7c6b5a' },
  { status: 'Downloading', progressDetail: { current: 200_000, total: 2_200_000 }, id: 'a1b2c3d4e5f6' },
  { status: 'Downloading', progressDetail: { current: 1_100_000, total: 2_200_000 }, id: 'a1b2c3d4e5f6' },
  { status: 'Waiting', progressDetail: {}, id: '0f9e8d7c6b5a' },
  { status: 'Verifying Checksum', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Download complete', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Extracting', progressDetail: { current: 32_768, total: 2_200_000 }, id: 'a1b2c3d4e5f6' },
  { status: 'Pull complete', progressDetail: {}, id: 'a1b2c3d4e5f6' },
  { status: 'Already exists', progressDetail: {}, id: '0f9e8d7c6b5a' },
  { status: 'Digest: sha256:9ae97d36d26566ff84e8893c64a6dc4fe8ca6d1144bf5b87b2b85a32def253c7' },
  { status: 'Status: Downloaded newer image for busybox:1.36.1' },
];

describe('PullProgress', () => {
  it('sums layers by phase, with bytes of the layers still downloading', () => {
    const progress = new PullProgress('busybox:1.36.1');
    for (const event of recorded.slice(0, 6)) progress.apply(event);
    expect(progress.summary()).toBe('busybox:1.36.1: 0/2 layers done, 1 downloading (1.1 of 2.2 MB), 1 waiting');
    for (const event of recorded.slice(6, 9)) progress.apply(event);
    expect(progress.summary()).toBe('busybox:1.36.1: 0/2 layers done, 1 extracting, 1 waiting');
    for (const event of recorded.slice(9)) progress.apply(event);
    expect(progress.summary()).toBe('busybox:1.36.1: 2/2 layers done');
  });

  it('shows what the engine says before any layer is known', () => {
    const progress = new PullProgress('busybox:1.36.1');
    progress.apply(recorded[0]!);
    expect(progress.summary()).toBe('busybox:1.36.1: Pulling from library/busybox');
  });

  it('knows the phase of each status word, and no phase for image-level messages', () => {
    expect(layerPhase('Download complete')).toBe('downloading');
    expect(layerPhase('Already exists')).toBe('done');
    expect(layerPhase('Digest: sha256:abc')).toBeUndefined();
  });
});

describe('pullDisplay', () => {
  it('on a terminal, rewrites one line per event and ends it on finish', () => {
    const written: string[] = [];
    const display = pullDisplay((text) => written.push(text), true);
    for (const event of recorded) display.onEvent('busybox:1.36.1', event);
    display.finish();
    expect(written).toHaveLength(recorded.length + 1);
    expect(written.slice(0, -1).every((text) => text.startsWith('\r\u001b[K') && !text.includes('\n'))).toBe(true);
    expect(written.at(-2)).toBe('\r\u001b[Kbusybox:1.36.1: 2/2 layers done');
    expect(written.at(-1)).toBe('\n');
  });

  it('in a log, prints a line only when a layer changes phase', () => {
    const written: string[] = [];
    const display = pullDisplay((text) => written.push(text), false);
    for (const event of recorded) display.onEvent('busybox:1.36.1', event);
    display.finish();
    expect(written).toEqual([
      'busybox:1.36.1: a1b2c3d4e5f6: Pulling fs layer\n',
      'busybox:1.36.1: 0f9e8d7c6b5a: Pulling fs layer\n',
      'busybox:1.36.1: a1b2c3d4e5f6: Downloading\n',
      'busybox:1.36.1: a1b2c3d4e5f6: Extracting\n',
      'busybox:1.36.1: a1b2c3d4e5f6: Pull complete\n',
      'busybox:1.36.1: 0f9e8d7c6b5a: Already exists\n',
    ]);
  });
});
