import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assertContextWithinLimit, BuildContextTooLargeError, contextSize, formatSize } from './buildContext.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-context-'));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:1.36.1\n'); // 20 bytes
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('contextSize', () => {
  it('counts the files that would be sent, leaving out what .dockerignore lists', () => {
    mkdirSync(path.join(dir, 'node_modules'));
    writeFileSync(path.join(dir, 'node_modules', 'huge.js'), 'x'.repeat(10_000));
    writeFileSync(path.join(dir, 'app.txt'), 'y'.repeat(100));
    writeFileSync(path.join(dir, '.dockerignore'), 'node_modules\n'); // 13 bytes
    expect(contextSize(dir, 'Dockerfile')).toBe(20 + 100 + 13);
  });

  it('counts a symlink as a link, never the file it points at', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'shipshape-outside-'));
    try {
      writeFileSync(path.join(outside, 'big'), 'z'.repeat(50_000));
      symlinkSync(path.join(outside, 'big'), path.join(dir, 'link-to-big'));
      symlinkSync(outside, path.join(dir, 'link-to-folder'));
      expect(contextSize(dir, 'Dockerfile')).toBe(20);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe('assertContextWithinLimit', () => {
  it('refuses a context over the limit with the limit in the message', () => {
    writeFileSync(path.join(dir, 'disk.img'), 'd'.repeat(3 * 1024));
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 2048)).toThrow(BuildContextTooLargeError);
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 2048)).toThrow(/over shipshape's limit of 2 KiB after \.dockerignore/);
    expect(() => assertContextWithinLimit(dir, 'Dockerfile', 8192)).not.toThrow();
  });
});

describe('formatSize', () => {
  it('reads like a person writes sizes', () => {
    expect(formatSize(64 * 1024 * 1024)).toBe('64 MiB');
    expect(formatSize(1536)).toBe('1.5 KiB');
    expect(formatSize(12)).toBe('12 bytes');
  });
});
