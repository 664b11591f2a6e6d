/**
 * The CLI as a user runs it: the built bin, real arguments, exit codes and output. Only static
 * paths here; the runtime half is in test/runtime.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const slice = path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('shipshape CLI', () => {
  it('prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    const result = await runCli(['--version']);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it('prints help with every command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    for (const command of ['list', 'check', 'lesson', 'author']) expect(result.stdout).toContain(`shipshape ${command}`);
  });

  it.each(['list', 'check', 'lesson', 'author'])('prints help for %s', async (command) => {
    const result = await runCli([command, '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Usage: shipshape ${command}`));
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['check'], /expected 1 argument, got 0/],
    [['check', 'non-root-dockerfile', '--bogus'], /Unknown option '--bogus'/],
    [['check', 'no-such-challenge', '--static-only'], /no challenge "no-such-challenge"/],
    [['list', 'extra'], /expected no arguments/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    noStackTrace(result.stderr);
  });

  it('lists lessons and challenges as JSON', async () => {
    const result = await runCli(['list', '--json']);
    expect(result.code).toBe(0);
    const listing = JSON.parse(result.stdout) as { lessons: { id: string }[]; challenges: { id: string; hasRuntimeChecks: boolean; items: string[] }[] };
    expect(listing.lessons.map((l) => l.id)).toContain('runtime-non-root');
    expect(listing.challenges).toContainEqual(expect.objectContaining({ id: 'non-root-dockerfile', hasRuntimeChecks: true, items: ['runtime.non-root'] }));
  });

  it('prints a lesson', async () => {
    const result = await runCli(['lesson', 'runtime-non-root']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Run as a user that is not root');
    expect(result.stdout).toContain('shipshape check non-root-dockerfile');
  });

  it('passes the solution statically (exit 0)', async () => {
    const result = await runCli(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'solution'), '--static-only']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASS \[static\]/);
  });

  it('fails the broken files with line, reason and lesson (exit 1)', async () => {
    const result = await runCli(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'broken'), '--static-only']);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Dockerfile:2:1');
    expect(result.stdout).toMatch(/why: Root inside a container/);
    expect(result.stdout).toContain('shipshape lesson runtime-non-root');
  });

  it('gives the same verdict as JSON', async () => {
    const result = await runCli(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'broken'), '--static-only', '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { passed: boolean; checks: { id: string; passed: boolean; lesson: string; findings: { line: number }[] }[] };
    expect(report.passed).toBe(false);
    expect(report.checks[0]).toMatchObject({ id: 'dockerfile/no-root-user', passed: false, lesson: 'runtime-non-root', findings: [{ line: 2 }] });
  });

  it('reports a malformed Dockerfile as file:line with exit 1 (a verdict) and no stack trace', async () => {
    const dir = path.join(scratch, 'malformed');
    cpSync(path.join(slice, 'broken'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:1.36.1\nRUN <<EOF\necho never closed\n');
    // No engine is needed: nothing is built from a file that does not parse.
    const result = await runCli(['check', 'non-root-dockerfile', '--dir', dir], { DOCKER_HOST: `unix://${path.join(scratch, 'no-engine.sock')}` });
    expect(result.code).toBe(1);
    // Each runtime check is reported as not run, for the parse error (after its optional task line).
    const runtimeChecks = result.stdout.match(/^FAIL \[runtime\].*$/gm) ?? [];
    expect(runtimeChecks.length).toBeGreaterThan(0);
    expect(result.stdout.match(/^FAIL \[runtime\].*\n(?:\s+task: .*\n)?\s+not run: Dockerfile:2:1 does not parse/gm)).toHaveLength(runtimeChecks.length);
    expect(result.stderr).toMatch(/Dockerfile:2:1: heredoc "<<EOF" is never closed/);
    noStackTrace(result.stderr);
  });

  it('reports a malformed challenge.yaml as file:line with exit 2 and no stack trace', async () => {
    const course = path.join(scratch, 'course');
    cpSync(path.join(repoRoot, 'lessons'), path.join(course, 'lessons'), { recursive: true });
    cpSync(path.join(repoRoot, 'challenges'), path.join(course, 'challenges'), { recursive: true });
    const manifest = path.join(course, 'challenges/04-runtime/01-non-root-dockerfile/challenge.yaml');
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('difficulty: beginner', 'difficulty: impossible'));
    const result = await runCli(['list'], { SHIPSHAPE_COURSE: course });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/challenges\/04-runtime\/01-non-root-dockerfile\/challenge\.yaml:6:13: .*difficulty/);
    noStackTrace(result.stderr);
  });

  it('creates the learner workspace on first use and keeps it', async () => {
    const home = path.join(scratch, 'home');
    const first = await runCli(['check', 'non-root-dockerfile', '--static-only'], { SHIPSHAPE_HOME: home });
    expect(first.code).toBe(1);
    const workspaceFile = path.join(home, 'workspace/non-root-dockerfile/Dockerfile');
    writeFileSync(workspaceFile, readFileSync(path.join(slice, 'solution/Dockerfile')));
    const second = await runCli(['check', 'non-root-dockerfile', '--static-only'], { SHIPSHAPE_HOME: home });
    expect(second.code).toBe(0);
  });

  it('says plainly when no Docker engine answers (exit 2), and how to check statically', async () => {
    const result = await runCli(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'solution')], { DOCKER_HOST: `unix://${path.join(scratch, 'no-engine.sock')}` });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No Docker engine answered .*no-engine\.sock/);
    expect(result.stderr).toContain('--static-only');
    noStackTrace(result.stderr);
  });

  it('ends quietly, and not with success, when the reader of its output goes away (shipshape list | head)', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [path.join(repoRoot, 'bin/shipshape.cjs'), 'list'], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Close our end before the CLI has written anything: every write it makes then fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|internal error/);
    // 141 = 128 + SIGPIPE, what `set -o pipefail` sees from any program cut off by head.
    expect(code).toBe(141);
  });

  it('runs the course as plain text without a terminal (and ends when input does)', async () => {
    const result = await runCli([], { SHIPSHAPE_HOME: scratch });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^shipshape course map: 0 of \d+ challenges passed/);
    expect(result.stdout).not.toMatch(/\u001b\[/);
  });
});
