import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { challengeManifestSchema, type Challenge } from '../content/schema.js';
import { checkChallenge } from './checkChallenge.js';
import type { CheckEvent } from './events.js';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-check-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const challenge: Challenge = {
  ...challengeManifestSchema.parse({
    formatVersion: 1, id: 'events', title: 'events', items: ['runtime.non-root'], order: 1, task: 'test', files: ['Dockerfile'],
    checks: { static: [{ rule: 'dockerfile/no-root-user' }], runtime: { probes: [{ probe: 'user-not-root' }] } },
  }),
  folder: 'unused',
  hints: [],
};

function folderWith(name: string, dockerfile: string): string {
  const dir = path.join(scratch, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

describe('checkChallenge', () => {
  it('tells static results as events, the verdict last', async () => {
    const events: CheckEvent[] = [];
    const verdict = await checkChallenge(challenge, { dir: folderWith('ok', 'FROM busybox:1.36.1\nUSER 10001\n'), staticOnly: true, onEvent: (e) => events.push(e) });
    expect(events.map((e) => e.type)).toEqual(['static-result', 'verdict']);
    expect(events.at(-1)).toEqual({ type: 'verdict', verdict });
    expect(verdict).toMatchObject({ passed: true, checks: [{ id: 'dockerfile/no-root-user', passed: true }] });
    expect(verdict.parseError).toBeUndefined();
  });

  it('returns a file that does not parse as a verdict with its position, and builds nothing', async () => {
    // The runtime half is asked for; it must not reach an engine for a file that does not parse.
    const verdict = await checkChallenge(challenge, { dir: folderWith('half-typed', 'FROM busybox:1.36.1\nRUNN echo\n'), staticOnly: false });
    expect(verdict.passed).toBe(false);
    expect(verdict.parseError).toMatchObject({ file: 'Dockerfile', line: 2, column: 1, message: expect.stringMatching(/unknown instruction "RUNN"/) });
    expect(verdict.checks.map((c) => [c.kind, c.passed])).toEqual([['static', false], ['runtime', false]]);
    expect(verdict.checks[1]?.evidence).toMatch(/^not run: Dockerfile:2:1 does not parse/);
  });

  it('says it was cancelled when the signal is already aborted, before touching an engine', async () => {
    const controller = new AbortController();
    controller.abort();
    const verdict = await checkChallenge(challenge, { dir: folderWith('cancel', 'FROM busybox:1.36.1\nUSER 10001\n'), staticOnly: false, signal: controller.signal });
    expect(verdict).toMatchObject({ passed: false, cancelled: true });
    expect(verdict.checks.find((c) => c.kind === 'runtime')?.evidence).toMatch(/cancelled/);
  });

  it('reports a missing Dockerfile as a failed check, without building', async () => {
    const dir = path.join(scratch, 'empty');
    mkdirSync(dir, { recursive: true });
    const verdict = await checkChallenge(challenge, { dir, staticOnly: false });
    expect(verdict.passed).toBe(false);
    expect(verdict.checks.map((c) => c.evidence)).toEqual([expect.stringMatching(/Dockerfile is missing/), 'Dockerfile is missing, so there is nothing to build']);
  });
});
