/**
 * Hygiene: a check interrupted with Ctrl-C leaves nothing behind, and leftovers of a run killed
 * outright are swept at the next start.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANAGED_LABEL, OWNER_LABEL } from '../../src/runtime/labels.js';
import { sweepLeftovers } from '../../src/runtime/session.js';
import { binPath, repoRoot } from '../helpers/cli.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

describe('cleanup', () => {
  it('removes the container and image when a check is interrupted with SIGINT', async () => {
    const docker = await testEngine();
    const child = spawn(process.execPath, [binPath, 'check', 'non-root-dockerfile', '--dir', path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile/solution')], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    // Interrupt once the container exists: the moment a careless runner would leak it.
    const interrupted = new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes('starting the container') && child.exitCode === null && !child.killed) {
          setTimeout(() => {
            child.kill('SIGINT');
            resolve();
          }, 150);
        }
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    await interrupted;
    const pid = child.pid;
    expect(await exited).toBe(130);
    expect(stderr).toContain('interrupted; removing');
    expect(await labelledLeftovers(docker, pid)).toEqual({ containers: 0, images: 0 });
  });

  it('sweeps containers whose owner process is gone', async () => {
    const docker = await testEngine();
    const deadPid = 2 ** 22 + 12345; // above Linux's pid_max, so never a live process
    const container = await docker.createContainer({
      Image: 'busybox:1.36.1',
      Cmd: ['sleep', '30'],
      Labels: { [MANAGED_LABEL]: 'true', [OWNER_LABEL]: String(deadPid) },
      HostConfig: { NetworkMode: 'none', Memory: 64 * 1024 * 1024, PidsLimit: 16 },
    });
    expect(await labelledLeftovers(docker, deadPid)).toEqual({ containers: 1, images: 0 });
    expect(await sweepLeftovers(docker)).toBeGreaterThanOrEqual(1);
    expect(await labelledLeftovers(docker, deadPid)).toEqual({ containers: 0, images: 0 });
    await container.remove({ force: true }).catch(() => undefined);
  });
});
