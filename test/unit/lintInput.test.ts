/**
 * Input that cannot hurt `shipshape lint`: FIFOs, devices, unreadable files and folders, huge
 * (sparse) files, symlink loops and Ctrl-C. Each case runs the built CLI with a hard time limit
 * and a small V8 heap, so a hang or an unbounded read fails the test instead of the machine.
 */
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot } from '../helpers/cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'shipshape-lint-input-'));
chmodSync(root, 0o755); // the unprivileged-user case must reach its file
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GOOD_DOCKERFILE = 'FROM busybox:1.36.1\nUSER 10001\n';

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** The CLI with a 64 MB old-space heap and a deadline; `onSpawn` may poke the child (a signal). */
function lint(args: string[], options: { uid?: number; stdin?: string | 'keep-open'; onSpawn?: (child: ReturnType<typeof spawn>) => void; deadlineMs?: number } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--max-old-space-size=64', binPath, 'lint', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.uid !== undefined ? { uid: options.uid, gid: options.uid } : {}),
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.deadlineMs ?? 20_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
    if (options.stdin === undefined) child.stdin.end();
    else if (options.stdin !== 'keep-open') child.stdin.end(options.stdin);
    options.onSpawn?.(child);
  });
}

function folder(name: string, files: Record<string, string> = {}): string {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

function sparse(file: string, bytes: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, bytes);
  closeSync(fd);
}

type JsonReport = { results: { file: string; findings: { rule: string; severity: string; message: string }[] }[] };
const findings = (run: Run) => (JSON.parse(run.stdout) as JsonReport).results.flatMap((r) => r.findings.map((f) => ({ ...f, file: r.file })));

describe('lint input that cannot hurt', () => {
  it('skips a FIFO named Dockerfile with a note, never opening it, and lints the rest', async () => {
    const dir = folder('fifo', { 'api.Dockerfile': GOOD_DOCKERFILE });
    execFileSync('mkfifo', [path.join(dir, 'Dockerfile')]);
    const run = await lint(['--format', 'json', dir]);
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toMatch(/skipped .*fifo\/Dockerfile: a named pipe \(FIFO\)/);
    expect((JSON.parse(run.stdout) as JsonReport).results.map((r) => path.basename(r.file))).toEqual(['api.Dockerfile']);
    expect(run.code).toBe(0);
  });

  it('skips a FIFO given explicitly', async () => {
    const dir = folder('fifo-explicit');
    execFileSync('mkfifo', [path.join(dir, 'Dockerfile')]);
    const run = await lint([path.join(dir, 'Dockerfile')]);
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toMatch(/a named pipe \(FIFO\)/);
    expect(run.code).toBe(0);
  });

  it('never reads a Dockerfile that is a symlink to /dev/zero', async () => {
    const dir = folder('devzero', { 'api.Dockerfile': GOOD_DOCKERFILE });
    symlinkSync('/dev/zero', path.join(dir, 'Dockerfile'));
    const run = await lint([dir]);
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toMatch(/Dockerfile: a symlink to a file outside/);
    expect(run.code).toBe(0);
    // Named explicitly, the link is followed, and the device is still never opened.
    const explicit = await lint([path.join(dir, 'Dockerfile')]);
    expect(explicit.timedOut).toBe(false);
    expect(explicit.stderr).toMatch(/Dockerfile: a character device/);
    expect(explicit.code).toBe(0);
  });

  it('never reads a file linked from inside the tree to outside it, so its contents cannot leak into findings', async () => {
    const outside = folder('outside-secret', { 'credentials': 'root-token-4711:x:0:0\n' });
    const dir = folder('leaky-link', { 'api.Dockerfile': GOOD_DOCKERFILE });
    symlinkSync(path.join(outside, 'credentials'), path.join(dir, 'Dockerfile'));
    for (const format of ['text', 'json', 'github']) {
      const run = await lint(['--format', format, dir]);
      expect(run.stdout + run.stderr).not.toContain('root-token-4711');
      expect(run.stderr).toMatch(/skipped .*leaky-link\/Dockerfile: a symlink to a file outside/);
      expect(run.code).toBe(0);
    }
  });

  it('reports a file the user may not read as a finding and goes on (run as uid 65534)', async () => {
    const dir = folder('unreadable', { 'api.Dockerfile': 'FROM busybox:1.36.1\n' });
    writeFileSync(path.join(dir, 'Dockerfile'), GOOD_DOCKERFILE);
    chmodSync(path.join(dir, 'Dockerfile'), 0o000);
    const run = await lint(['--format', 'json', dir], { uid: 65534 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).not.toMatch(/internal error/);
    const all = findings(run);
    expect(all).toContainEqual(expect.objectContaining({ rule: 'input/unreadable', severity: 'warning', message: expect.stringMatching(/permission denied/) }));
    // The readable file was still linted: its root user is an error, so the exit code is 1, not 70.
    expect(all).toContainEqual(expect.objectContaining({ rule: 'dockerfile/no-root-user' }));
    expect(run.code).toBe(1);
  });

  it('reports a folder the user may not list as a finding, not "0 files" (run as uid 65534)', async () => {
    const dir = folder('closed-folder', { 'Dockerfile': GOOD_DOCKERFILE });
    const closed = folder('closed-folder/secret', { 'Dockerfile': GOOD_DOCKERFILE });
    chmodSync(closed, 0o000);
    const run = await lint(['--format', 'json', '--fail-on', 'warning', dir], { uid: 65534 });
    chmodSync(closed, 0o755);
    expect(run.timedOut).toBe(false);
    expect(findings(run)).toContainEqual(expect.objectContaining({ rule: 'input/unreadable', file: expect.stringMatching(/secret\/$/) }));
    expect(run.code).toBe(1);
  });

  it('refuses a 1 GB sparse Dockerfile by its size, without reading it', async () => {
    const dir = folder('huge');
    sparse(path.join(dir, 'Dockerfile'), 1024 ** 3);
    const run = await lint(['--format', 'json', dir]);
    expect(run.timedOut).toBe(false);
    // A 64 MB heap could not hold the file: passing proves it was not read.
    expect(findings(run)).toEqual([expect.objectContaining({ rule: 'input/too-large', severity: 'error', message: expect.stringMatching(/1\.0 GiB/) })]);
    expect(run.code).toBe(1);
  });

  it('refuses a 3 GB sparse YAML manifest (beyond what a Node buffer holds) the same way', async () => {
    const dir = folder('huger');
    const file = path.join(dir, 'deploy.yaml');
    writeFileSync(file, 'apiVersion: v1\nkind: Pod\n');
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 3 * 1024 ** 3);
    closeSync(fd);
    const run = await lint(['--format', 'json', dir]);
    expect(run.timedOut).toBe(false);
    expect(findings(run)).toEqual([expect.objectContaining({ rule: 'input/too-large', message: expect.stringMatching(/3\.0 GiB/) })]);
  });

  it('lints a symlinked folder given explicitly, and survives a symlink loop inside it', async () => {
    const real = folder('real-tree', { 'Dockerfile': 'FROM busybox:1.36.1\n' });
    symlinkSync(real, path.join(real, 'loop'));
    const link = path.join(root, 'linked-tree');
    symlinkSync(real, link);
    const run = await lint(['--format', 'json', link]);
    expect(run.timedOut).toBe(false);
    expect(findings(run)).toContainEqual(expect.objectContaining({ rule: 'dockerfile/no-root-user' }));
    expect(run.stderr).toMatch(/symlink loop/);
    expect(run.code).toBe(1);
  });

  it('says why a Dockerfile that is a self-referencing or dangling symlink was skipped', async () => {
    const dir = folder('dead-links', { 'api.Dockerfile': GOOD_DOCKERFILE });
    symlinkSync('Dockerfile.loop', path.join(dir, 'Dockerfile.loop'));
    symlinkSync(path.join(dir, 'missing'), path.join(dir, 'Dockerfile'));
    const run = await lint([dir]);
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toMatch(/skipped .*dead-links\/Dockerfile\.loop: a symlink that leads nowhere/);
    expect(run.stderr).toMatch(/skipped .*dead-links\/Dockerfile: a symlink that leads nowhere/);
    expect(run.code).toBe(0);
  });

  it('says why a folder or file whose name is not valid UTF-8 was not checked', async () => {
    const dir = folder('not-utf8', { 'api.Dockerfile': GOOD_DOCKERFILE });
    const rawName = (name: string, ...bytes: number[]) => Buffer.concat([Buffer.from(path.join(dir, name)), Buffer.from(bytes)]);
    mkdirSync(rawName('d', 0xff));
    writeFileSync(Buffer.concat([rawName('d', 0xff), Buffer.from('/Dockerfile')]), GOOD_DOCKERFILE);
    writeFileSync(rawName('Dockerfile.bad', 0xff, 0xfe), GOOD_DOCKERFILE);
    const run = await lint(['--format', 'json', dir]);
    const unreadable = findings(run).filter((f) => f.rule === 'input/unreadable');
    expect(unreadable).toHaveLength(2);
    for (const finding of unreadable) expect(finding.message).toContain('its name is not valid UTF-8');
    expect(run.stdout).not.toContain('disappeared');
  });

  it('follows a symlink inside the tree to a regular file', async () => {
    const dir = folder('file-link', { 'real.Dockerfile': 'FROM busybox:1.36.1\nUSER root\n' });
    symlinkSync(path.join(dir, 'real.Dockerfile'), path.join(dir, 'Dockerfile'));
    const run = await lint(['--format', 'json', dir]);
    expect(findings(run).filter((f) => f.rule === 'dockerfile/no-root-user').map((f) => path.basename(f.file)).sort()).toEqual(['Dockerfile', 'real.Dockerfile']);
  });

  it('ends on Ctrl-C while waiting on standard input', async () => {
    const run = await lint(['-'], {
      stdin: 'keep-open',
      onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 1500),
    });
    expect(run.timedOut).toBe(false);
    expect(run.code === 130 || run.signal === 'SIGINT').toBe(true);
  });

  it('refuses endless standard input at the cap instead of filling memory', async () => {
    const run = await lint(['--format', 'json', '--stdin-filename', 'all.yaml', '-'], {
      stdin: 'keep-open',
      onSpawn: (child) => {
        const chunk = Buffer.alloc(1024 * 1024, 'a: b\n');
        const pump = () => {
          while (child.stdin?.writable && child.stdin.write(chunk));
          if (child.stdin?.writable) child.stdin.once('drain', pump);
        };
        child.stdin?.on('error', () => undefined);
        pump();
      },
    });
    expect(run.timedOut).toBe(false);
    expect(findings(run)).toEqual([expect.objectContaining({ rule: 'input/too-large', file: 'all.yaml' })]);
  });
});
