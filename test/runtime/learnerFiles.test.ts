/**
 * Hostile learner folders through the real CLI: every case ends in a clear message and exit 1
 * (a verdict) or 2 (a usage error), never "internal error", never a hang, and never the content
 * of a file the learner's link points at. Each run is bounded by a kill timer.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot, type CliResult } from '../helpers/cli.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const dockerfileSlice = path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile');
const composeSlice = path.join(repoRoot, 'challenges/04-runtime/02-read-only-rootfs-compose');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-learner-files-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The CLI, killed if it runs longer than `limitMs`: a hang fails the test instead of stalling it. */
async function runBounded(args: string[], limitMs = 60_000): Promise<CliResult & { killed: boolean }> {
  const { spawn } = await import('node:child_process');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...args], { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, limitMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, killed, pid: child.pid });
    });
  });
}

function copyOf(slice: string, name: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(slice, 'solution'), dir, { recursive: true });
  return dir;
}

function expectClearVerdict(result: CliResult & { killed: boolean }, code: 1 | 2, message: RegExp): void {
  expect(result.killed).toBe(false);
  expect(result.code).toBe(code);
  expect(`${result.stdout}\n${result.stderr}`).toMatch(message);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
}

describe('a learner folder that is hostile gets a clear verdict', () => {
  it('a Dockerfile linked to /etc/shadow: refused, and the file is never printed', async () => {
    const dir = copyOf(dockerfileSlice, 'shadow');
    unlinkSync(path.join(dir, 'Dockerfile'));
    symlinkSync('/etc/shadow', path.join(dir, 'Dockerfile'));
    const result = await runBounded(['check', 'non-root-dockerfile', '--dir', dir]);
    expectClearVerdict(result, 1, /Dockerfile:1:1: Dockerfile is a symbolic link to something outside the challenge folder/);
    const shadow = existsSync('/etc/shadow') ? readFileSync('/etc/shadow', 'utf8').split('\n').filter((line) => line.includes(':')) : [];
    for (const line of shadow) expect(`${result.stdout}${result.stderr}`).not.toContain(line);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/root:[^ ]*:\d+:/);
  });

  it('a Dockerfile linked to /dev/zero: refused without reading it', async () => {
    const dir = copyOf(dockerfileSlice, 'zero');
    unlinkSync(path.join(dir, 'Dockerfile'));
    symlinkSync('/dev/zero', path.join(dir, 'Dockerfile'));
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', dir]), 1, /symbolic link to something outside the challenge folder/);
  });

  it('a FIFO named Dockerfile: refused, the check does not hang', async () => {
    const dir = copyOf(dockerfileSlice, 'fifo');
    unlinkSync(path.join(dir, 'Dockerfile'));
    execFileSync('mkfifo', [path.join(dir, 'Dockerfile')]);
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', dir]), 1, /Dockerfile is a FIFO \(named pipe\), not a regular file/);
  });

  it('a .dockerignore linked to /dev/zero: refused without reading it', async () => {
    const dir = copyOf(dockerfileSlice, 'ignore-zero');
    symlinkSync('/dev/zero', path.join(dir, '.dockerignore'));
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', dir]), 1, /\.dockerignore is a symbolic link to something outside/);
  });

  it('a folder named compose.yaml: refused as not a file', async () => {
    const dir = copyOf(composeSlice, 'compose-folder');
    rmSync(path.join(dir, 'compose.yaml'));
    mkdirSync(path.join(dir, 'compose.yaml'));
    expectClearVerdict(await runBounded(['check', 'read-only-rootfs-compose', '--dir', dir]), 1, /compose\.yaml is a folder, not a regular file/);
  });

  it('a missing Dockerfile: a failed check, nothing built', async () => {
    const dir = copyOf(dockerfileSlice, 'missing');
    unlinkSync(path.join(dir, 'Dockerfile'));
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', dir]), 1, /Dockerfile is missing, so there is nothing to build/);
  });

  it('--dir /proc: a usage error', async () => {
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', '/proc']), 2, /--dir \/proc is a system folder/);
  });

  it('a FIFO in the build context: refused before anything is sent', async () => {
    const dir = copyOf(dockerfileSlice, 'context-fifo');
    execFileSync('mkfifo', [path.join(dir, 'pipe')]);
    expectClearVerdict(await runBounded(['check', 'non-root-dockerfile', '--dir', dir]), 1, /pipe in the build context is a FIFO/);
  });

  it('250,000 empty files: refused by the entry cap before the context is sent', async () => {
    const dir = copyOf(dockerfileSlice, 'many-files');
    const many = path.join(dir, 'many');
    mkdirSync(many);
    // One shell loop is far quicker than 250,000 writeFileSync calls from here.
    execFileSync('sh', ['-c', 'i=0; while [ $i -lt 250 ]; do mkdir "$i" && (cd "$i" && touch $(seq -f "f%g" 1 1000)); i=$((i+1)); done'], { cwd: many });
    const result = await runBounded(['check', 'non-root-dockerfile', '--dir', dir], 120_000);
    expectClearVerdict(result, 1, /the build context holds more than 10,000 files and folders after \.dockerignore/);
  });

  it('left nothing on the engine', async () => {
    const docker = await testEngine();
    const containers = await docker.listContainers({ all: true, filters: JSON.stringify({ label: ['dev.shipshape.challenge=non-root-dockerfile'] }) });
    expect(containers).toEqual([]);
    expect((await labelledLeftovers(docker, { pid: process.pid })).containers).toBe(0);
  });
});
