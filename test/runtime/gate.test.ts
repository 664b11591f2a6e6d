/**
 * Proof that no learner Dockerfile makes the engine fetch anything: a throwaway HTTP server on
 * 127.0.0.1 (a random port, started here) serves a secret to whoever asks, and its request log
 * must stay empty through every hostile Dockerfile: remote ADD (http and https), a registry host
 * in FROM, in COPY --from and in RUN --mount from=, a `# syntax=` frontend, ONBUILD variants, an
 * ADD hidden in a heredoc's body or behind a continuation only some builders read, each
 * with the classic builder and with BuildKit (a secret mount switches a build to BuildKit). The
 * verdict must name the line, and no text of it may echo what the server serves.
 *
 * A control first shows that the server would see the engine if the gate were not there: the
 * same ADD, built directly without the gate, reaches it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { checkChallenge } from '../../src/checks/checkChallenge.js';
import type { ChallengeVerdict } from '../../src/checks/types.js';
import { challengeManifestSchema, type Challenge } from '../../src/content/schema.js';
import { buildImage } from '../../src/runtime/build.js';
import { RuntimeSession } from '../../src/runtime/session.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

const secret = `fetched-${randomBytes(8).toString('hex')}`;
const requests: string[] = [];
// Listening before the tests are collected, so the tables below carry the real port.
const server = http.createServer((request, response) => {
  requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
  response.end(secret);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
const origin = `http://127.0.0.1:${port}`;
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  requests.length = 0;
});

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-gate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const challenge: Challenge = {
  ...challengeManifestSchema.parse({
    formatVersion: 1, id: 'gate-proof', title: 'gate', items: ['runtime.non-root'], order: 999, task: 'test', files: ['Dockerfile'],
    checks: { runtime: { images: ['busybox:1.36.1'], probes: [{ probe: 'user-not-root' }] } },
  }),
  folder: scratch,
  hints: [],
};

function learnerFolder(dockerfile: string): string {
  const dir = path.join(scratch, randomBytes(4).toString('hex'));
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'Dockerfile'), dockerfile);
  writeFileSync(path.join(dir, 'local.txt'), 'local\n');
  return dir;
}

/** A BuildKit build: a secret mount is something only BuildKit provides. */
const buildKit = 'RUN --mount=type=secret,id=token true\n';

const hostile: [name: string, dockerfile: string, line: number][] = [
  ['ADD of an http URL', `FROM busybox:1.36.1\nADD ${origin}/secret.txt /secret.txt\nUSER 10001\n`, 2],
  ['ADD of an https URL', `FROM busybox:1.36.1\nADD https://127.0.0.1:${port}/secret.txt /secret.txt\nUSER 10001\n`, 2],
  ['ADD of a URL hidden in an ARG', `FROM busybox:1.36.1\nARG SOURCE=${origin}/secret.txt\nADD $SOURCE /secret.txt\nUSER 10001\n`, 3],
  ['ADD of a git repository', `FROM busybox:1.36.1\nADD ${origin}/repo.git#main /src\nUSER 10001\n`, 2],
  ['a registry host in FROM', `FROM 127.0.0.1:${port}/img:1\nUSER 10001\n`, 1],
  ['a registry host in COPY --from', `FROM busybox:1.36.1\nCOPY --from=127.0.0.1:${port}/img:1 /x /x\nUSER 10001\n`, 2],
  ['a registry host in RUN --mount from=', `FROM busybox:1.36.1\nRUN --mount=type=bind,from=127.0.0.1:${port}/img:1,target=/m true\nUSER 10001\n`, 2],
  ['a syntax frontend', `# syntax=127.0.0.1:${port}/frontend\nFROM busybox:1.36.1\nUSER 10001\n`, 1],
  ['ONBUILD ADD fired by a later stage', `FROM busybox:1.36.1 AS base\nONBUILD ADD ${origin}/secret.txt /secret.txt\nFROM base\nUSER 10001\n`, 2],
  ['ONBUILD COPY --from a registry', `FROM busybox:1.36.1 AS base\nONBUILD COPY --from=127.0.0.1:${port}/img:1 /x /x\nFROM base\nUSER 10001\n`, 2],
  ['RUN --network=host', `FROM busybox:1.36.1\nRUN --network=host wget -q -O /secret.txt ${origin}/secret.txt\nUSER 10001\n`, 2],
  // Builders without heredocs (Engine 20.10's) run a body ended by `CMD` as instructions.
  ['an ADD inside a heredoc ended by CMD', `FROM busybox:1.36.1\nRUN cat <<CMD\nADD ${origin}/secret.txt /secret.txt\nCMD\nUSER 10001\n`, 3],
  // ...and end the directives at `# check=`, so a backtick does not continue the RUN there.
  ['an ADD after a backtick continuation that only some builders see', `# check=skip=all\n# escape=\`\nFROM busybox:1.36.1\nRUN true #\`\nADD ${origin}/secret.txt /secret.txt\nUSER 10001\n`, 5],
];

function expectRefusedWithoutFetching(verdict: ChallengeVerdict, line: number): void {
  const runtime = verdict.checks.find((check) => check.kind === 'runtime');
  expect(verdict.passed).toBe(false);
  expect(runtime?.evidence).toMatch(/^refused before building \(nothing was built or fetched\):/);
  expect(runtime?.evidence).toContain(`Dockerfile:${line}: `);
  expect(JSON.stringify(verdict)).not.toContain(secret);
  expect(requests).toEqual([]);
}

describe('control: without the gate, the engine itself fetches what ADD names', () => {
  it('the server sees the classic builder download the file', async () => {
    const docker = await testEngine();
    const session = new RuntimeSession(docker);
    const dir = learnerFolder(`FROM busybox:1.36.1\nADD http://127.0.0.1:${port}/control.txt /control.txt\n`);
    try {
      await buildImage(session, { contextDir: dir, dockerfile: 'Dockerfile', tag: `shipshape-gate-control:${process.pid}`, labels: session.labels() });
    } finally {
      await session.cleanup();
    }
    expect(requests).toContain('GET /control.txt');
  });
});

describe.each([
  ['the classic builder', ''],
  ['BuildKit', buildKit],
])('with %s, nothing a learner names is fetched', (_builder, extra) => {
  it.each(hostile)('%s', async (_name, text, line) => {
    const dockerfile = text.replace(/\nUSER 10001\n$/, `\n${extra}USER 10001\n`);
    const verdict = await checkChallenge(challenge, { dir: learnerFolder(dockerfile), staticOnly: false });
    expectRefusedWithoutFetching(verdict, line);
  });

  it('a Dockerfile that fetches nothing still builds and is judged', async () => {
    const verdict = await checkChallenge(challenge, {
      dir: learnerFolder(`FROM busybox:1.36.1\nCOPY local.txt /local.txt\n${extra}USER 10001\nCMD ["sleep", "3600"]\n`),
      staticOnly: false,
    });
    expect(verdict).toMatchObject({ passed: true, checks: [{ id: 'user-not-root', passed: true }] });
    expect(requests).toEqual([]);
  });
});

describe('a frontend the challenge declares', () => {
  it('is still not fetched when the engine does not have it', async () => {
    const frontend = `127.0.0.1:${port}/frontend:1`;
    const declaring: Challenge = { ...challenge, checks: { ...challenge.checks, runtime: { ...challenge.checks.runtime!, frontends: [frontend] } } };
    const verdict = await checkChallenge(declaring, { dir: learnerFolder(`# syntax=${frontend}\nFROM busybox:1.36.1\nUSER 10001\n`), staticOnly: false });
    expect(verdict.passed).toBe(false);
    expect(verdict.checks[0]?.evidence).toMatch(/Dockerfile:1: the frontend 127\.0\.0\.1:\d+\/frontend:1 is not on the engine/);
    expect(requests).toEqual([]);
  });
});

describe('a flag the builder does not know', () => {
  it('is a verdict naming the line, not an internal error', async () => {
    const verdict = await checkChallenge(challenge, { dir: learnerFolder('FROM busybox:1.36.1\nCOPY --foo=bar local.txt /x\nUSER 10001\n'), staticOnly: false });
    expect(verdict.passed).toBe(false);
    expect(verdict.checks[0]?.evidence).toMatch(/^the image did not build: Dockerfile:2: .*Unknown flag: foo/);
    expect(verdict.checks[0]?.evidence).not.toMatch(/HTTP code/);
  });
});

describe('what the gate refused left nothing on the engine', () => {
  it('no labelled container or image of this process', async () => {
    expect(await labelledLeftovers(await testEngine(), { pid: process.pid })).toEqual({ containers: 0, images: 0 });
  });
});
