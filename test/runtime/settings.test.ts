/**
 * The learner's run settings against a real engine: a compose service or a Kubernetes container
 * really runs with what it asks for (seen from the engine and from inside), shipshape's caps
 * still apply on top, and refused settings fail every probe before any container exists.
 *
 * The checks go through the real runRuntimeChecks. The probe registry is replaced by one
 * observing probe that records what it saw, so these tests do not depend on which probes exist.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { runRuntimeChecks } from '../../src/checks/runtimeChecks.js';
import type { CheckResult } from '../../src/checks/types.js';
import { progressLine } from '../../src/report/checkProgress.js';
import { challengeManifestSchema, type Challenge, type RunSource } from '../../src/content/schema.js';
import { CHALLENGE_LABEL, MANAGED_LABEL, OWNER_LABEL } from '../../src/runtime/labels.js';
import { containerCaps } from '../../src/runtime/limits.js';
import type { AnyProbe, ProbeContext } from '../../src/runtime/probes/types.js';
import { labelledLeftovers, testEngine } from '../helpers/docker.js';

interface Observation {
  hostConfig: Docker.HostConfig;
  config: Docker.ContainerInspectInfo['Config'];
  requested: Docker.HostConfig;
  run: Record<string, { exitCode: number; stdout: string; stderr: string }>;
}

/** What the observing probe saw in the last check. */
let observed: Observation | undefined;

/** Commands the observer runs inside the container, by name. */
const insideCommands: Record<string, string[]> = {
  uid: ['id', '-u'],
  gid: ['id', '-g'],
  writeRoot: ['touch', '/written-by-probe'],
  writeTmp: ['touch', '/tmp/written-by-probe'],
  status: ['cat', '/proc/1/status'],
  secret: ['cat', '/run/secrets/db_password'],
  secretMode: ['stat', '-c', '%a %u', '/run/secrets/db_password'],
  env: ['env'],
};

const observer: AnyProbe = {
  id: 'test-observer',
  title: 'Records what the container runs with',
  passTitle: 'Records what the container runs with',
  fix: 'Nothing to fix: this probe only observes.',
  item: 'runtime.compose',
  params: z.strictObject({}),
  async run(context: ProbeContext) {
    const run: Observation['run'] = {};
    for (const [name, cmd] of Object.entries(insideCommands)) run[name] = await context.exec(cmd);
    observed = { hostConfig: context.containerInfo.HostConfig, config: context.containerInfo.Config, requested: context.requested, run };
    return { passed: true, evidence: 'observed' };
  },
};

vi.mock('../../src/runtime/probes/registry.js', () => ({
  allProbes: [],
  findProbe: (id: string) => (id === 'test-observer' ? observer : undefined),
  probeParamsError: () => undefined,
}));

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-settings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const runsForever = 'FROM busybox:1.36.1\nCMD ["sleep", "3600"]\n';
/**
 * The engine gives a tmpfs the mode of the image directory it covers. The offline stand-in for
 * busybox ships /tmp as 1755 (the real image has 1777), so the image opens it up, as a real
 * Dockerfile for a non-root app would.
 */
const runsForeverWithOpenTmp = 'FROM busybox:1.36.1\nRUN chmod 1777 /tmp\nCMD ["sleep", "3600"]\n';

/** A learner folder with these files, and a challenge whose runtime check runs it `run`'s way. */
function learnerChallenge(files: Record<string, string>, run: RunSource): { challenge: Challenge; dir: string } {
  const id = `settings-${randomBytes(4).toString('hex')}`;
  const dir = path.join(scratch, id);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  const manifest = challengeManifestSchema.parse({
    formatVersion: 1, id, title: 'settings', items: ['runtime.compose'], order: 999, task: 'test', files: Object.keys(files),
    checks: { runtime: { dockerfile: 'Dockerfile', run, probes: [{ probe: 'test-observer' }] } },
  });
  return { challenge: { ...manifest, folder: dir, hints: [] }, dir };
}

/**
 * The engine, counting the calls that would create something. The toolbox's own helper
 * containers (labelled dev.shipshape.toolbox: filling the engine's toolbox volume, once per
 * engine, or reading busybox out of its image) are counted apart: whether a test sees them
 * depends on which test ran first on this engine, not on the settings under test.
 */
async function countingEngine(): Promise<{ docker: Docker; calls: { build: number; create: number; toolbox: number } }> {
  const docker = await testEngine();
  const calls = { build: 0, create: 0, toolbox: 0 };
  const counted = new Proxy(docker, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'buildImage') calls.build++;
      if (property === 'createContainer') {
        return (options: Docker.ContainerCreateOptions, ...rest: unknown[]) => {
          if (options?.Labels?.['dev.shipshape.toolbox'] !== undefined) calls.toolbox++;
          else calls.create++;
          return (value as (...args: unknown[]) => unknown).call(target, options, ...rest);
        };
      }
      return value.bind(target);
    },
  });
  return { docker: counted, calls };
}

async function check(files: Record<string, string>, run: RunSource) {
  const { challenge, dir } = learnerChallenge(files, run);
  const { docker, calls } = await countingEngine();
  const progress: string[] = [];
  const results: CheckResult[] = await runRuntimeChecks(challenge, {
    docker,
    dir,
    onEvent: (event) => {
      const line = progressLine(event);
      if (line !== undefined) progress.push(line);
    },
  });
  const engine = await testEngine();
  const left = await engine.listContainers({ all: true, filters: JSON.stringify({ label: [`${CHALLENGE_LABEL}=${challenge.id}`] }) });
  return { results, calls, progress, containersLeft: left.length };
}

beforeEach(() => {
  observed = undefined;
});

const MiB = 1024 * 1024;

describe('a compose service runs with the settings it asks for', () => {
  it('user, read_only + tmpfs, cap_drop ALL, no-new-privileges, memory and PID limits', async () => {
    const compose = `services:
  web:
    build: .
    user: "10001"
    read_only: true
    tmpfs:
      - /tmp:size=8m
    cap_drop: [ALL]
    security_opt: ["no-new-privileges:true"]
    mem_limit: 64m
    pids_limit: 50
    environment:
      MODE: hardened
    ports: ["8080:8080"]
`;
    const { results, calls, progress, containersLeft } = await check({ Dockerfile: runsForeverWithOpenTmp, 'compose.yaml': compose }, { from: 'compose', file: 'compose.yaml', service: 'web' });
    expect(results.map((r) => r.evidence)).toEqual(['observed']);
    expect(calls.create).toBe(1);
    const seen = observed!;
    expect(seen.hostConfig).toMatchObject({
      ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Memory: 64 * MiB, PidsLimit: 50, NetworkMode: 'none',
      // The asked 8m, in bytes: every tmpfs size is normalised (and capped) by hardenHostConfig.
      Tmpfs: { '/tmp': `size=${8 * MiB}` },
    });
    expect(seen.config.User).toBe('10001');
    expect(seen.requested).toMatchObject({ Memory: 64 * MiB, PidsLimit: 50, ReadonlyRootfs: true });
    expect(seen.requested.NetworkMode).toBeUndefined();
    expect(seen.run.uid?.stdout.trim()).toBe('10001');
    expect(seen.run.writeRoot?.exitCode).not.toBe(0);
    expect(seen.run.writeRoot?.stderr).toMatch(/Read-only file system/);
    expect(seen.run.writeTmp?.exitCode).toBe(0);
    expect(seen.run.status?.stdout).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(seen.run.status?.stdout).toMatch(/^CapEff:\s+0{16}$/m);
    expect(seen.run.env?.stdout).toMatch(/^MODE=hardened$/m);
    expect(progress.join('\n')).toContain('with the settings of compose.yaml, service web');
    expect(progress.join('\n')).toMatch(/note: ports: not published/);
    expect(containersLeft).toBe(0);
  });

  it('delivers a file secret read-only at /run/secrets/<name>, owned by the container user', async () => {
    const compose = `services:
  web:
    user: "10001:10001"
    read_only: true
    secrets: [db_password]
secrets:
  db_password:
    file: ./secrets/db_password.txt
`;
    const files = { Dockerfile: runsForever, 'compose.yaml': compose, 'secrets/db_password.txt': 'correct horse battery staple\n' };
    const { results } = await check(files, { from: 'compose', file: 'compose.yaml', service: 'web' });
    expect(results.map((r) => r.evidence)).toEqual(['observed']);
    expect(observed?.run.secret).toMatchObject({ exitCode: 0, stdout: 'correct horse battery staple\n' });
    expect(observed?.run.secretMode?.stdout.trim()).toBe('400 10001');
  });

  it("keeps shipshape's caps and network none whatever the service asks for", async () => {
    const compose = 'services:\n  web:\n    mem_limit: 2g\n    pids_limit: 100000\n    cpus: 4\n    network_mode: bridge\n';
    const { results, progress } = await check({ Dockerfile: runsForever, 'compose.yaml': compose }, { from: 'compose', file: 'compose.yaml', service: 'web' });
    expect(results.map((r) => r.evidence)).toEqual(['observed']);
    expect(observed?.hostConfig).toMatchObject({ Memory: containerCaps.memoryBytes, PidsLimit: containerCaps.pidsLimit, NanoCpus: containerCaps.nanoCpus, NetworkMode: 'none' });
    expect(observed?.requested).toMatchObject({ Memory: 2 * 1024 * MiB, PidsLimit: 100000, NanoCpus: 4e9 });
    expect(progress.join('\n')).toMatch(/note: network_mode: bridge: not applied/);
  });
});

describe('the engine rejecting a setting is a verdict, not a crash', () => {
  it('a compose user the image does not know', async () => {
    const { results, calls, containersLeft } = await check({ Dockerfile: runsForever, 'compose.yaml': 'services:\n  web:\n    user: web\n' }, { from: 'compose', file: 'compose.yaml', service: 'web' });
    expect(calls.create).toBe(1);
    expect(results).toEqual([expect.objectContaining({ passed: false, evidence: expect.stringMatching(/^the engine would not start the container with compose.yaml, service web: .*web/) })]);
    expect(containersLeft).toBe(0);
  });
});

describe('a Kubernetes container runs with the securityContext it asks for', () => {
  const deployment = (securityContext: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: app
          image: app:1
          securityContext:
${securityContext.split('\n').map((line) => `            ${line}`).join('\n')}
${extra}`;

  it('runAsUser, readOnlyRootFilesystem with an emptyDir at /tmp, drop ALL, no privilege escalation, limits', async () => {
    const manifest = deployment(
      'runAsUser: 10001\nrunAsGroup: 10001\nrunAsNonRoot: true\nreadOnlyRootFilesystem: true\nallowPrivilegeEscalation: false\ncapabilities:\n  drop: [ALL]',
      '          resources:\n            limits:\n              memory: 96Mi\n              cpu: 500m\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n      volumes:\n        - name: tmp\n          emptyDir: {}\n',
    );
    const { results, calls } = await check({ Dockerfile: runsForeverWithOpenTmp, 'deploy.yaml': manifest }, { from: 'kubernetes', file: 'deploy.yaml' });
    expect(results.map((r) => r.evidence)).toEqual(['observed']);
    expect(calls.create).toBe(1);
    expect(observed?.hostConfig).toMatchObject({ ReadonlyRootfs: true, CapDrop: ['ALL'], SecurityOpt: ['no-new-privileges'], Memory: 96 * MiB, NanoCpus: 500_000_000, NetworkMode: 'none' });
    expect(observed?.config.User).toBe('10001:10001');
    expect(observed?.run.uid?.stdout.trim()).toBe('10001');
    expect(observed?.run.gid?.stdout.trim()).toBe('10001');
    expect(observed?.run.writeRoot?.exitCode).not.toBe(0);
    expect(observed?.run.writeTmp?.exitCode).toBe(0);
    expect(observed?.run.status?.stdout).toMatch(/^NoNewPrivs:\s+1$/m);
    expect(observed?.run.status?.stdout).toMatch(/^CapEff:\s+0{16}$/m);
  });

  it('refuses runAsNonRoot with an image that runs as root, without creating a container', async () => {
    const { results, calls, containersLeft } = await check({ Dockerfile: runsForever, 'deploy.yaml': deployment('runAsNonRoot: true') }, { from: 'kubernetes', file: 'deploy.yaml' });
    expect(results).toEqual([expect.objectContaining({ passed: false, evidence: expect.stringMatching(/^CreateContainerConfigError: container has runAsNonRoot and image will run as root/) })]);
    expect(calls.create).toBe(0);
    expect(containersLeft).toBe(0);
    expect(observed).toBeUndefined();
  });
});

describe('refused settings fail every probe before anything is built or created', () => {
  it.each([
    ['compose privileged', { 'compose.yaml': 'services:\n  web:\n    privileged: true\n' }, { from: 'compose', file: 'compose.yaml', service: 'web' }, /privileged \(privileged mode/],
    ['compose Docker socket', { 'compose.yaml': 'services:\n  web:\n    volumes: ["/var/run/docker.sock:/var/run/docker.sock"]\n' }, { from: 'compose', file: 'compose.yaml', service: 'web' }, /volume \/var\/run\/docker\.sock.*root on the host/],
    ['Kubernetes hostPath docker.sock', { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app\n      volumeMounts:\n        - name: sock\n          mountPath: /var/run/docker.sock\n  volumes:\n    - name: sock\n      hostPath:\n        path: /var/run/docker.sock\n' }, { from: 'kubernetes', file: 'pod.yaml' }, /hostPath volume "sock" \(\/var\/run\/docker\.sock\).*root on the host/],
    ['Kubernetes hostNetwork', { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: app\n' }, { from: 'kubernetes', file: 'pod.yaml' }, /hostNetwork: true \(the host's network namespace lets the container reach every service/],
    ['Kubernetes privileged', { 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app\n      securityContext:\n        privileged: true\n' }, { from: 'kubernetes', file: 'pod.yaml' }, /securityContext\.privileged: true/],
    ['a compose secret outside the folder', { 'compose.yaml': 'services:\n  web:\n    secrets: [key]\nsecrets:\n  key:\n    file: ../../../etc/hostname\n' }, { from: 'compose', file: 'compose.yaml', service: 'web' }, /only files inside the challenge folder/],
  ] as const)('%s', async (_name, files, run, evidence) => {
    const { results, calls, containersLeft } = await check({ Dockerfile: runsForever, ...files }, run as RunSource);
    expect(results).toEqual([expect.objectContaining({ passed: false, evidence: expect.stringMatching(/^Refused before starting any container: /) })]);
    expect(results[0]?.evidence).toMatch(evidence);
    expect(calls).toEqual({ build: 0, create: 0, toolbox: 0 });
    expect(containersLeft).toBe(0);
  });

  it('fails with the reason when the service is not in the compose file', async () => {
    const { results, calls } = await check({ Dockerfile: runsForever, 'compose.yaml': 'services:\n  api: {}\n' }, { from: 'compose', file: 'compose.yaml', service: 'web' });
    expect(results[0]?.evidence).toBe('compose.yaml, service web: the container cannot start with these settings: services.web (compose.yaml has no service "web" (services: api))');
    expect(calls).toEqual({ build: 0, create: 0, toolbox: 0 });
  });
});

describe('cleanup', () => {
  it('leaves no container, image or volume of this process behind', async () => {
    const docker = await testEngine();
    expect(await labelledLeftovers(docker, { pid: process.pid })).toEqual({ containers: 0, images: 0 });
    const volumes = await docker.listVolumes({ filters: JSON.stringify({ label: [`${MANAGED_LABEL}=true`, `${OWNER_LABEL}=${process.pid}`] }) });
    expect(volumes.Volumes ?? []).toEqual([]);
  });
});
