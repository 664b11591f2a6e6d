import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { watchFiles } from './watchFiles.js';

const waitFor = async (ready: () => boolean) => {
  for (let i = 0; i < 200 && !ready(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return ready();
};

describe('watchFiles', () => {
  it('fires on a change to a watched file, also when an editor saves by rename', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-watch-'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM a\n');
    let changes = 0;
    const close = watchFiles(dir, ['Dockerfile'], () => changes++);
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM b\n');
    expect(await waitFor(() => changes === 1)).toBe(true);
    writeFileSync(path.join(dir, '.Dockerfile.swp'), 'FROM c\n');
    renameSync(path.join(dir, '.Dockerfile.swp'), path.join(dir, 'Dockerfile'));
    expect(await waitFor(() => changes === 2)).toBe(true);
    close();
  });

  it('ignores other files, and saves that change nothing', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-watch-'));
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM a\n');
    let changes = 0;
    const close = watchFiles(dir, ['Dockerfile'], () => changes++);
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM a\n');
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM z\n');
    expect(await waitFor(() => changes === 1)).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(changes).toBe(1);
    close();
  });
});
