/**
 * Hygiene on every way out: a check stopped by SIGINT, SIGTERM, SIGHUP, a closed stdout or
 * stderr, an uncaught error or SIGKILL leaves nothing of its own behind, and ends with a non-zero
 * code. Each case runs the real CLI on a slow runtime check (a healthcheck that never turns
 * healthy, so the probe waits) and stops it once its container exists.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPIRES_LABEL, MACHINE_LABEL, MANAGED_LABEL, OWNER_LABEL, SESSION_LABEL } from '../../src/runtime/labels.js';
import { machineId } from '../../src/runtime/machine.js';
import { sweepOrphans } from '../../src/runtime/session.js';
import { binPath, repoRoot } from '../helpers/cli.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-cleanup-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A healthcheck on the wrong port: the `healthy` probe waits up to 45 s, time to stop the check. */
const slowDir = path.join(scratch, 'slow');
mkdirSync(slowDir);
writeFileSync(
  path.join(slowDir, 'Dockerfile'),
  'FROM busybox:1.36.1\nUSER 10001:10001\nHEALTHCHECK --interval=2s --timeout=2s --retries=3 CMD wget -q -O /dev/null http://127.0.0.1:80/ || exit 1\nCMD ["httpd", "-f", "-p", "8080"]\n',
);
/**
 * Throws from a timer once the check prints a probe's progress line (`  probing 1/1: <title>`, see
 * progressLine), so the container exists: an error nothing in shipshape catches.
 */
const crashPreload = path.join(scratch, 'crash-when-probing.mjs');
writeFileSync(
  crashPreload,
  "const write = process.stderr.write.bind(process.stderr);\n" +
    "process.stderr.write = (chunk, ...rest) => { if (/\\bprobing \\d+\\/\\d+: /.test(String(chunk))) setTimeout(() => { throw new Error('a bug nobody caught'); }, 50); return write(chunk, ...rest); };\n",
);

function startSlowCheck(nodeArgs: string[] = []): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...nodeArgs, binPath, 'check', 'healthcheck', '--dir', slowDir], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves once the engine shows a container made by this pid. */
async function containerExists(pid: number, child: ChildProcessWithoutNullStreams): Promise<void> {
  const docker = await testEngine();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the check ended (${child.exitCode ?? child.signalCode}) before its container existed`);
    if ((await labelledLeftovers(docker, { pid })).containers > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function ended(child: ChildProcessWithoutNullStreams): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('error', () => undefined);
  child.stderr.on('error', () => undefined);
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

/** What the pid left, waited for while its reaper may still be at work (bounded, not timed). */
async function leftoversOf(pid: number): Promise<{ containers: number; images: number }> {
  const docker = await testEngine();
  let left = await labelledLeftovers(docker, { pid });
  for (let attempt = 0; attempt < 100 && left.containers + left.images > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    left = await labelledLeftovers(docker, { pid });
  }
  return left;
}

describe('every way out of a running check cleans up', () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s: exit %i, nothing of the session left', async (signal, expected) => {
    const child = startSlowCheck();
    const result = ended(child);
    await containerExists(child.pid!, child);
    child.kill(signal);
    const { code, stderr } = await result;
    expect(code).toBe(expected);
    expect(stderr).toContain(`interrupted by ${signal}; removing`);
    expect(await leftoversOf(child.pid!)).toEqual({ containers: 0, images: 0 });
  });

  it.each(['stdout', 'stderr'] as const)('a closed %s (2>&1 | head): exit 141, nothing left', async (stream) => {
    const child = startSlowCheck();
    const result = ended(child);
    await containerExists(child.pid!, child);
    // The reader goes away; the next line the check writes there fails with EPIPE.
    child[stream].destroy();
    if (stream === 'stdout') child.stderr.destroy();
    const { code } = await result;
    expect(code).toBe(141);
    expect(await leftoversOf(child.pid!)).toEqual({ containers: 0, images: 0 });
  });

  it('an uncaught error: exit 70, nothing left', async () => {
    const child = startSlowCheck(['--import', crashPreload]);
    const result = ended(child);
    await containerExists(child.pid!, child);
    const { code, stderr } = await result;
    expect(code).toBe(70);
    expect(stderr).toContain('internal error: a bug nobody caught');
    expect(await leftoversOf(child.pid!)).toEqual({ containers: 0, images: 0 });
  });

  it('SIGKILL: the reaper removes the container and image at once, not at the next start', async () => {
    const child = startSlowCheck();
    const result = ended(child);
    await containerExists(child.pid!, child);
    child.kill('SIGKILL');
    const { signal } = await result;
    expect(signal).toBe('SIGKILL');
    expect(await leftoversOf(child.pid!)).toEqual({ containers: 0, images: 0 });
  });
});

describe('the sweep of leftovers', () => {
  const deadPid = 2 ** 22 + 12345; // above Linux's pid_max, so never a live process
  const create = async (labels: Record<string, string>) => {
    const docker = await testEngine();
    return docker.createContainer({
      Image: 'busybox:1.36.1',
      Cmd: ['sleep', '30'],
      Labels: { [MANAGED_LABEL]: 'true', ...labels },
      HostConfig: { NetworkMode: 'none', Memory: 64 * 1024 * 1024, PidsLimit: 16 },
    });
  };
  const exists = async (container: { inspect(): Promise<unknown> }) => container.inspect().then(() => true, () => false);
  const owner = (session: string, machine: string, pid: number, expiresAt: number) => ({
    [SESSION_LABEL]: session,
    [MACHINE_LABEL]: machine,
    [OWNER_LABEL]: String(pid),
    [EXPIRES_LABEL]: String(expiresAt),
  });

  it("removes this machine's orphans and anyone's expired objects, and nothing else", async () => {
    const hour = Date.now() + 3_600_000;
    const deadHere = await create(owner('sweep1', machineId(), deadPid, hour));
    const deadElsewhere = await create(owner('sweep2', 'othermachine', deadPid, hour));
    const expiredElsewhere = await create(owner('sweep3', 'othermachine', 1, Date.now() - 1000));
    const aliveHere = await create(owner('sweep4', machineId(), process.pid, hour));
    // An object still being made, or someone else's: no owner is not a dead owner.
    const unowned = await create({});
    try {
      await sweepOrphans(await testEngine());
      expect(await exists(deadHere)).toBe(false);
      expect(await exists(expiredElsewhere)).toBe(false);
      expect(await exists(deadElsewhere)).toBe(true);
      expect(await exists(aliveHere)).toBe(true);
      expect(await exists(unowned)).toBe(true);
    } finally {
      for (const container of [deadHere, deadElsewhere, expiredElsewhere, aliveHere, unowned]) await container.remove({ force: true }).catch(() => undefined);
    }
  });
});
