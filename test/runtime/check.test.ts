/**
 * `shipshape check` end to end against a real engine: the verdict, the evidence seen inside the
 * container, build failures mapped to the learner's line, and refusals before any container.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startContainer } from '../../src/runtime/container.js';
import { RefusedSettingsError } from '../../src/runtime/policy.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const slice = path.join(repoRoot, 'challenges/04-runtime/01-non-root-dockerfile');
/** Pids of the CLIs this file ran: their leftovers are the ones this file may count. */
const cliPids: number[] = [];
const check = async (args: string[]) => {
  const result = await runCli(args);
  if (result.pid !== undefined) cliPids.push(result.pid);
  return result;
};
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-runtime-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function learnerCopy(name: string, dockerfile: string): string {
  const dir = path.join(scratch, name);
  cpSync(path.join(slice, 'broken'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  return dir;
}

describe('shipshape check at runtime', () => {
  it('passes the solution and shows the uid seen inside the container', async () => {
    const result = await check(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'solution')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASS \[runtime\] .*\n\s+`id -u` inside the container printed 10001/);
  });

  it('fails the broken files with the uid 0 seen inside', async () => {
    const result = await check(['check', 'non-root-dockerfile', '--dir', path.join(slice, 'broken'), '--json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { checks: { kind: string; passed: boolean; evidence: string }[] };
    const runtime = report.checks.find((c) => c.kind === 'runtime');
    expect(runtime).toMatchObject({ passed: false, evidence: expect.stringMatching(/printed 0: it runs as root/) });
  });

  it('maps a failing build step to the learner line', async () => {
    const dir = learnerCopy('build-fails', 'FROM busybox:1.36.1\nWORKDIR /srv/www\nRUN exit 3\nUSER 10001\nCMD ["httpd", "-f", "-p", "8080"]\n');
    const result = await check(['check', 'non-root-dockerfile', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/the image did not build: Dockerfile:3: .*returned a non-zero code: 3/);
  });

  it('says so when the container exits before it can be probed', async () => {
    const dir = learnerCopy('exits', 'FROM busybox:1.36.1\nUSER 10001\nCMD ["sh", "-c", "echo bye; exit 4"]\n');
    const result = await check(['check', 'non-root-dockerfile', '--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/exited right away \(exit 4\).*bye/s);
  });

  it('leaves no labelled container or image behind', async () => {
    const docker = await testEngine();
    // Other checks may be using the engine too: count only what this file's CLI runs made.
    expect(cliPids.length).toBeGreaterThanOrEqual(4);
    for (const pid of cliPids) expect(await labelledLeftovers(docker, { pid })).toEqual({ containers: 0, images: 0 });
  });
});

describe('the runner refuses dangerous settings before creating anything', () => {
  it.each([
    ['privileged mode', { Privileged: true }],
    ['the Docker socket', { Binds: ['/var/run/docker.sock:/var/run/docker.sock'] }],
    ['the host PID namespace', { PidMode: 'host' }],
    ['the host network', { NetworkMode: 'host' }],
  ])('%s', async (_name, host) => {
    const docker = await testEngine();
    const session = new RuntimeSession(docker);
    try {
      await expect(startContainer(session, { image: 'busybox:1.36.1', labels: session.labels(), host })).rejects.toBeInstanceOf(RefusedSettingsError);
      expect(await labelledLeftovers(docker, { pid: process.pid })).toEqual({ containers: 0, images: 0 });
    } finally {
      await session.cleanup();
    }
  });
});
