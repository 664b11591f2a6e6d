import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertContextWithinLimit, BuildContextError, BuildContextTooLargeError, BuildContextTooManyFilesError, dockerignoreMatcher, formatSize, measureContext } from './buildContext.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-context-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:1.36.1\n'); // 20 bytes: one block
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Two closing blocks, plus a header and the padded content per entry. */
const tarOf = (...contentBlocks: number[]) => 1024 + contentBlocks.reduce((total, blocks) => total + 512 + blocks * 512, 0);

describe('measureContext', () => {
  it('measures the tar that would be sent, leaving out what .dockerignore lists', () => {
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'huge.js'), 'x'.repeat(10_000));
    writeFileSync(path.join(dir, 'app.txt'), 'y'.repeat(600)); // two blocks
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n');
    expect(measureContext(dir, 'Dockerfile')).toEqual({ entries: 3, tarBytes: tarOf(1, 2, 1) });
  });

  it('counts empty files by their headers: they are not free', () => {
    for (let i = 0; i < 50; i++) writeFileSync(path.join(dir, `empty-${i}`), '');
    expect(measureContext(dir, 'Dockerfile')).toEqual({ entries: 51, tarBytes: tarOf(1, ...Array<number>(50).fill(0)) });
  });

  it('counts a symlink as a link, never the file it points at', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'shipshape-outside-'));
    try {
      writeFileSync(path.join(outside, 'big'), 'z'.repeat(50_000));
      symlinkSync(path.join(outside, 'big'), path.join(dir, 'link-to-big'));
      symlinkSync(outside, path.join(dir, 'link-to-folder'));
      expect(measureContext(dir, 'Dockerfile')).toEqual({ entries: 3, tarBytes: tarOf(1, 0, 0) });
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a FIFO in the context instead of hanging on it', () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    expect(() => measureContext(dir, 'Dockerfile')).toThrow(/pipe in the build context is a FIFO \(named pipe\); remove it or list it in \.dockerignore/);
    writeFileSync(path.join(dir, '.dockerignore'), 'pipe\n');
    expect(() => measureContext(dir, 'Dockerfile')).not.toThrow();
  });

  it('refuses a .dockerignore that points outside the folder or at a device', () => {
    symlinkSync('/dev/zero', path.join(dir, '.dockerignore'));
    expect(() => dockerignoreMatcher(dir, 'Dockerfile')).toThrow(BuildContextError);
    expect(() => dockerignoreMatcher(dir, 'Dockerfile')).toThrow(/symbolic link to something outside the challenge folder/);
  });
});

describe('assertContextWithinLimit', () => {
  it('refuses a context over the limit with the limit in the message', () => {
    writeFileSync(path.join(dir, 'disk.img'), 'd'.repeat(3 * 1024));
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 4096)).toThrow(BuildContextTooLargeError);
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 4096)).toThrow(/over shipshape's limit of 4 KiB \(as sent, tar headers included\) after \.dockerignore/);
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 16384)).not.toThrow();
  });

  it('refuses too many files, however small, and stops walking once past the cap', () => {
    for (let i = 0; i < 30; i++) writeFileSync(path.join(dir, `f${i}`), '');
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 1024 * 1024, 10)).toThrow(BuildContextTooManyFilesError);
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 1024 * 1024, 10)).toThrow(/more than 10 files and folders/);
    expect(measureContext(dir, 'Dockerfile', { maxEntries: 10 }).entries).toBe(11);
  });
});

describe('formatSize', () => {
  it('reads like a person writes sizes', () => {
    expect(formatSize(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(12)).toBe('12 bytes');
  });
});
