/**
 * The learner's companion commands, as a user runs them (the built bin): each reads and writes
 * the same progress.json, in a data directory of the test's own. pin-base-image has a runtime half
 * (the page must still serve), so its checks need the real engine.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from '../helpers/cli.js';

const home = mkdtempSync(path.join(os.tmpdir(), 'shipshape-learner-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));
const env = { SHIPSHAPE_HOME: home };
const id = 'pin-base-image';
const workspaceFile = path.join(home, 'workspace', id, 'Dockerfile');
const solutionFile = path.join(repoRoot, 'challenges/02-images/03-pin-base-image/solution/Dockerfile');

interface ProgressJson {
  version: number;
  challenges: { id: string; title: string; status: string; workspace: string | null; attempts: number; passedAt: string | null }[];
  lessons: { id: string; quiz: { questions: number; answered: number; correct: number } }[];
}
const progressJson = async () => JSON.parse((await runCli(['progress', '--json'], env)).stdout) as ProgressJson;

describe('learner commands', () => {
  // One story in order: these share the data directory on purpose.
  it('starts with nothing done and suggests the first lesson', async () => {
    const progress = await progressJson();
    expect(progress.version).toBe(1);
    expect(progress.challenges.find((c) => c.id === id)).toEqual({ id, title: expect.any(String), status: 'not-started', workspace: null, attempts: 0, passedAt: null });
    expect(progress.lessons[0]?.quiz).toMatchObject({ answered: 0, correct: 0 });
    const next = await runCli(['next'], env);
    expect(next.stdout).toMatch(/^Next: lesson threat-shared-kernel/);
  });

  it('records a failing check of the workspace as an attempt', async () => {
    expect((await runCli(['check', id, '--static-only'], env)).code).toBe(1);
    const entry = (await progressJson()).challenges.find((c) => c.id === id);
    expect(entry).toMatchObject({ status: 'in-progress', attempts: 1, workspace: path.join(home, 'workspace', id) });
  });

  it('does not record a check of another folder', async () => {
    const elsewhere = mkdtempSync(path.join(os.tmpdir(), 'shipshape-elsewhere-'));
    cpSync(path.join(repoRoot, 'challenges/02-images/03-pin-base-image/solution'), elsewhere, { recursive: true });
    expect((await runCli(['check', id, '--dir', elsewhere], env)).code).toBe(0);
    expect((await progressJson()).challenges.find((c) => c.id === id)?.status).toBe('in-progress');
  });

  it('gives hints one at a time, remembering which were seen', async () => {
    expect((await runCli(['hint', id], env)).stdout).toMatch(/^Hint 1 of \d/);
    expect((await runCli(['hint', id], env)).stdout).toMatch(/^Hint 2 of \d/);
    expect((await runCli(['hint', id, '1'], env)).stdout).toMatch(/^Hint 1 of \d/);
    expect((await runCli(['hint', id, '99'], env)).code).toBe(2);
  });

  it('keeps the solution back until the challenge passes, unless forced', async () => {
    const refused = await runCli(['solution', id], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('--force');
    const forced = await runCli(['solution', id, '--force'], env);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(/^-FROM busybox$/m);
    expect(forced.stdout).toMatch(/^\+FROM busybox:1\.36\.1/m);
    const stored = JSON.parse(readFileSync(path.join(home, 'progress.json'), 'utf8')) as { challenges: Record<string, { solutionShownEarlyAt?: string }> };
    expect(stored.challenges[id]?.solutionShownEarlyAt).toEqual(expect.any(String));
  });

  it('marks the challenge passed when the fixed workspace passes, and then shows the diff', async () => {
    writeFileSync(workspaceFile, readFileSync(solutionFile, 'utf8'));
    expect((await runCli(['check', id], env)).code).toBe(0);
    const entry = (await progressJson()).challenges.find((c) => c.id === id);
    expect(entry).toMatchObject({ status: 'passed', attempts: 2, passedAt: expect.any(String) });
    expect((await runCli(['solution', id], env)).stdout).toContain('Dockerfile: the same as the reference solution');
    expect((await runCli(['progress'], env)).stdout).toMatch(/\[x\] challenge pin-base-image/);
  });

  it('resets only when confirmed, keeping the learner version beside it', async () => {
    const unconfirmed = await runCli(['reset', id], env);
    expect(unconfirmed.code).toBe(2);
    expect(readFileSync(workspaceFile, 'utf8')).toBe(readFileSync(solutionFile, 'utf8'));
    expect((await runCli(['reset', id, '--yes'], env)).code).toBe(0);
    expect(readFileSync(workspaceFile, 'utf8')).not.toBe(readFileSync(solutionFile, 'utf8'));
    expect(existsSync(`${workspaceFile}.bak`)).toBe(true);
    // Passing stays passed: the learner did it.
    expect((await progressJson()).challenges.find((c) => c.id === id)?.status).toBe('passed');
  });

  it('reports a corrupt progress file and moves it aside', async () => {
    writeFileSync(path.join(home, 'progress.json'), '{ not json');
    const result = await runCli(['progress'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/could not be read .* moved to .*progress\.json\.corrupt-/);
  });

  it('prints a lesson quiz without answers unless asked', async () => {
    const plain = await runCli(['lesson', 'image-pin-versions'], env);
    expect(plain.stdout).toContain('1. What does `FROM node` build on?');
    expect(plain.stdout).not.toMatch(/answer: [a-h]\./);
    // Rendered as in the TUI, not raw Markdown.
    expect(plain.stdout).not.toMatch(/^#+ /m);
    expect(plain.stdout).toMatch(/^ *1 │ FROM /m);
    expect((await runCli(['lesson', 'image-pin-versions', '--answers'], env)).stdout).toMatch(/answer: a\./);
  });
});
