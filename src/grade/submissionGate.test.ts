import { mkdirSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { submissionRefusal } from './submissionGate.js';

function folder(files: Record<string, string> = { Dockerfile: 'FROM busybox:1.36.1\n' }): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-gate-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

describe('submission gate', () => {
  it('lets an ordinary folder through, including a symlink that stays inside it', () => {
    const dir = folder({ Dockerfile: 'FROM busybox:1.36.1\n', 'site/index.html': '<p>hi</p>' });
    symlinkSync('site/index.html', path.join(dir, 'index.html'));
    expect(submissionRefusal(dir)).toBeUndefined();
  });

  it('refuses a symlink out of the folder, relative or absolute', () => {
    const relative = folder();
    symlinkSync('../../etc/passwd', path.join(relative, 'index.html'));
    expect(submissionRefusal(relative)).toMatch(/index.html is a symlink out of the submission folder/);
    const absolute = folder();
    symlinkSync('/etc/shadow', path.join(absolute, 'secret'));
    expect(submissionRefusal(absolute)).toMatch(/symlink out/);
  });

  it('refuses too many files and too many bytes, without reading them', () => {
    const many = folder();
    for (let i = 0; i < 30; i++) writeFileSync(path.join(many, `f${i}`), '');
    expect(submissionRefusal(many, { entries: 20, bytes: 1e9 })).toMatch(/more than 20 files/);
    const huge = folder();
    writeFileSync(path.join(huge, 'disk.img'), '');
    truncateSync(path.join(huge, 'disk.img'), 200 * 1024 * 1024);
    expect(submissionRefusal(huge)).toMatch(/more than 64 MiB \(disk.img is 200 MiB\)/);
  });

  it('refuses a FIFO, which would block whoever reads it', () => {
    const dir = folder();
    execFileSync('mkfifo', [path.join(dir, 'Dockerfile.pipe')]);
    expect(submissionRefusal(dir)).toMatch(/Dockerfile.pipe is not a regular file/);
  });
});
