/**
 * progress.json survives writers killed at any instant, and two writers at once lose nothing.
 * These run real processes against the built store (dist/, as the CLI uses it).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProgress } from '../../src/progress/store.js';
import { repoRoot } from '../helpers/cli.js';

const writer = path.join(repoRoot, 'test/helpers/progressWriter.mjs');

function startWriter(file: string, count: number, id: string) {
  const child = spawn(process.execPath, [writer, file, String(count), id], { stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  const done = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return { child, ready, done, stderr: () => stderr };
}

describe('progress.json under crashes and concurrency', () => {
  it('always reads after a writer is killed with SIGKILL mid-write, 100 times', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipshape-kill-')), 'progress.json');
    let attempts = 0;
    for (let kill = 0; kill < 100; kill++) {
      const run = startWriter(file, 1_000_000, 'crash');
      await run.ready;
      // Let it get well into its write loop, at a different point every time.
      await new Promise((resolve) => setTimeout(resolve, 1 + (kill * 7) % 23));
      run.child.kill('SIGKILL');
      await run.done;
      const read = readProgress(file);
      expect(read.problem).toBeUndefined();
      const now = read.progress.challenges.crash?.attempts ?? 0;
      // Every kill came after at least one more completed write, and nothing went backwards.
      expect(now).toBeGreaterThan(attempts);
      attempts = now;
    }
  }, 120_000);

  it('keeps every update of two writers running at once', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'shipshape-race-')), 'progress.json');
    const a = startWriter(file, 150, 'shared');
    const b = startWriter(file, 150, 'shared');
    expect([await a.done, await b.done, a.stderr() + b.stderr()]).toEqual([0, 0, '']);
    expect(readProgress(file).progress.challenges.shared?.attempts).toBe(300);
  }, 60_000);
});
