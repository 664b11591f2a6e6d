/**
 * `shipshape grade` end to end on real engines: a class of generated submissions, some correct,
 * some broken and some hostile, graded on one engine and then spread over two. Every submission
 * gets a score, nothing escapes the sandbox (no file outside a submission is read, nothing is
 * fetched from the network), nothing hangs, nothing is left on either engine, the JUnit output
 * validates, two runs write the same bytes, and one or two engines give the same scores.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/loadCourse.js';
import { variantValues } from '../../src/content/variants.js';
import type { GradeReport } from '../../src/grade/report.js';
import { expectedChecks } from '../../src/grade/scoring.js';
import { prepareCourseImages } from '../../src/runtime/courseImages.js';
import { MANAGED_LABEL } from '../../src/runtime/labels.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { testEngine } from '../helpers/docker.js';
import { junitProblems } from '../helpers/junitSchema.js';
import { startSecondEngine, type SecondEngine } from '../helpers/secondEngine.js';

const NON_ROOT = 'non-root-dockerfile';
const LIMITS = 'resource-limits-compose';
const challengeDir = (folder: string) => path.join(repoRoot, 'challenges', folder);
const nonRootSolution = challengeDir('04-runtime/01-non-root-dockerfile/solution');

/** The checks and points of the course's non-root challenge, from its challenge.yaml, so a probe added there is not a test edit here. */
const nonRootChecks = (() => {
  const challenge = loadCourse().challenges.find((c) => c.id === NON_ROOT);
  if (!challenge) throw new Error(`no ${NON_ROOT} challenge`);
  return expectedChecks(challenge);
})();
const nonRootMax = nonRootChecks.reduce((sum, c) => sum + c.points, 0);
const limitsSolution = challengeDir('04-runtime/05-resource-limits-compose/solution');

const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-grade-'));
const submissions = path.join(scratch, 'submissions');
/** A file outside every submission; a symlink points at it, and its words must never reach a report. */
const outsideSecret = path.join(scratch, 'outside', 'Dockerfile');
const OUTSIDE_MARKER = 'outside-the-submission-3f9a';

let second: SecondEngine;
let firstHost: string;
let fetchServer: Server;
const fetched: string[] = [];

function submission(student: string, challenge: string, from: string | undefined, files: Record<string, string> = {}): string {
  const dir = path.join(submissions, student, challenge);
  if (from) cpSync(from, dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  return dir;
}

async function labelledIds(docker: Docker): Promise<Set<string>> {
  const filters = JSON.stringify({ label: [`${MANAGED_LABEL}=true`] });
  const [containers, images] = await Promise.all([docker.listContainers({ all: true, filters }), docker.listImages({ filters })]);
  return new Set([...containers.map((c) => c.Id), ...images.map((i) => i.Id)]);
}

async function grade(args: string[], out: string): Promise<GradeReport> {
  const result = await runCli(['grade', submissions, '--challenges', `${NON_ROOT},${LIMITS}`, '--out', out, ...args]);
  expect(result.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
  expect(result.code).toBe(0);
  return JSON.parse(readFileSync(out, 'utf8')) as GradeReport;
}

/**
 * The fork bomb's processes and the probes race for the same PID slots, so whether a probe's
 * exec finds one free differs from run to run: that one submission's evidence is left out of
 * the comparisons (its own test still checks it got a score and ended).
 */
const RACY = 's04-fork-bomb';
const withoutRacy = (report: GradeReport): GradeReport => ({ ...report, students: report.students.filter((s) => s.id !== RACY) });
const withoutDurations = (text: string) => JSON.stringify(withoutRacy(JSON.parse(text) as GradeReport), null, 2).replace(/"durationMs": \d+/g, '"durationMs": 0');
const scores = (report: GradeReport) =>
  withoutRacy(report).students.flatMap((s) => s.challenges.map((c) => `${s.id} ${c.id} ${c.score}/${c.max} ${c.checks.map((k) => (k.passed ? 'P' : 'F')).join('')}`));

beforeAll(async () => {
  const docker = await testEngine();
  firstHost = process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  second = await startSecondEngine();
  void docker;

  // What the daemon would fetch for a remote ADD: a server on loopback that logs every request.
  fetchServer = createServer((request, response) => {
    fetched.push(request.url ?? '');
    response.end('payload');
  });
  await new Promise<void>((resolve) => fetchServer.listen(0, '127.0.0.1', resolve));
  const port = (fetchServer.address() as AddressInfo).port;

  mkdirSync(path.dirname(outsideSecret), { recursive: true });
  writeFileSync(outsideSecret, `# ${OUTSIDE_MARKER}\nFROM busybox:1.36.1\nUSER 10001:10001\nCMD ["sleep", "60"]\n`);

  submission('s01-correct', NON_ROOT, nonRootSolution);
  submission('s02-partly', NON_ROOT, nonRootSolution, {
    // Not root, but the root group: the static rule and the attacks still see what a group of 0 allows.
    Dockerfile: 'FROM busybox:1.36.1\nWORKDIR /srv/www\nCOPY index.html ./\nUSER 10001\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv/www"]\n',
  });
  submission('s03-broken-yaml', LIMITS, limitsSolution, { 'compose.yaml': 'services:\n  resizer:\n    build: .\n    mem_limit: [64m\n' });
  submission('s04-fork-bomb', NON_ROOT, nonRootSolution, {
    Dockerfile: 'FROM busybox:1.36.1\nUSER 10001:10001\nCMD ["sh", "-c", "bomb() { bomb | bomb & }; bomb; sleep 3600"]\n',
  });
  const huge = submission('s05-huge-file', NON_ROOT, nonRootSolution);
  writeFileSync(path.join(huge, 'disk.img'), '');
  truncateSync(path.join(huge, 'disk.img'), 300 * 1024 * 1024);
  const linked = submission('s06-symlink-out', NON_ROOT, nonRootSolution);
  rmSync(path.join(linked, 'Dockerfile'));
  symlinkSync(path.relative(linked, outsideSecret), path.join(linked, 'Dockerfile'));
  submission('s07-privileged', LIMITS, limitsSolution, { 'compose.yaml': 'services:\n  resizer:\n    build: .\n    privileged: true\n    mem_limit: 64m\n    pids_limit: 32\n    cpus: 0.5\n' });
  submission('s08-remote-add', NON_ROOT, nonRootSolution, {
    Dockerfile: `FROM busybox:1.36.1\nADD http://127.0.0.1:${port}/payload /srv/www/payload\nUSER 10001:10001\nCMD ["sleep", "60"]\n`,
  });
  const many = submission('s09-many-files', NON_ROOT, nonRootSolution);
  mkdirSync(path.join(many, 'node_modules'));
  for (let i = 0; i < 100_000; i++) writeFileSync(path.join(many, 'node_modules', `f${i}`), '');
  submission('s10-empty', NON_ROOT, undefined);
  submission('s11-limits-correct', LIMITS, limitsSolution);
  mkdirSync(path.join(submissions, 's12-nothing'), { recursive: true });
}, 240_000);

afterAll(async () => {
  await second?.stop();
  fetchServer?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('doctor and workshop bundles on real engines', () => {
  it('diagnoses an engine that is up, DOCKER_HOST pointing nowhere, and no engine at the configured endpoint', async () => {
    const up = await runCli(['doctor', '--json']);
    const upReport = JSON.parse(up.stdout) as { ok: boolean; findings: { id: string; status: string; summary: string }[] };
    expect(upReport.findings.find((f) => f.id === 'engine')).toMatchObject({ status: 'ok', summary: expect.stringContaining(firstHost) });
    expect(up.code).toBe(upReport.ok ? 0 : 1);

    const nowhere = await runCli(['doctor'], { DOCKER_HOST: `unix://${scratch}/nowhere.sock` });
    expect(nowhere.code).toBe(1);
    expect(nowhere.stdout).toMatch(/PROBLEM engine: DOCKER_HOST=unix:\/\/.*nowhere\.sock but no engine answers there/);
    expect(nowhere.stdout).toContain('unset DOCKER_HOST');

    // No DOCKER_HOST: the current docker context names a socket where nothing runs.
    const config = path.join(scratch, 'docker-config');
    const { contextDirName } = await import('../../src/runtime/dockerContext.js');
    mkdirSync(path.join(config, 'contexts', 'meta', contextDirName('gone')), { recursive: true });
    writeFileSync(path.join(config, 'config.json'), JSON.stringify({ currentContext: 'gone' }));
    writeFileSync(path.join(config, 'contexts', 'meta', contextDirName('gone'), 'meta.json'), JSON.stringify({ Name: 'gone', Endpoints: { docker: { Host: `unix://${scratch}/stopped.sock` } } }));
    const none = await runCli(['doctor', '--json'], { DOCKER_HOST: '', DOCKER_CONFIG: config });
    expect(none.code).toBe(1);
    const noneReport = JSON.parse(none.stdout) as { findings: { id: string; status: string; summary: string; fix?: string }[] };
    expect(noneReport.findings.find((f) => f.id === 'engine')).toMatchObject({ status: 'problem', summary: expect.stringMatching(/no Docker engine answers at unix:.*stopped\.sock \(from context gone\)/), fix: expect.stringContaining('start one') });
  });

  it('names the missing base images of an empty engine, then a workshop bundle fills it offline', async () => {
    const empty = await runCli(['doctor', '--json'], { DOCKER_HOST: second.host });
    expect(empty.code).toBe(1);
    const report = JSON.parse(empty.stdout) as { findings: { id: string; status: string; summary: string; fix?: string }[] };
    expect(report.findings.find((f) => f.id === 'base-images')).toMatchObject({ status: 'problem', summary: expect.stringContaining('busybox:1.36.1'), fix: expect.stringContaining('shipshape images prepare') });

    const bundle = path.join(scratch, 'workshop.tar');
    const made = await runCli(['workshop', 'bundle', '--out', bundle]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    // A copy damaged on its way to a laptop is refused before the engine sees it.
    const damaged = path.join(scratch, 'damaged.tar');
    const bytes = readFileSync(bundle);
    bytes[bytes.length - 20_000] = (bytes[bytes.length - 20_000] ?? 0) ^ 0xff;
    writeFileSync(damaged, bytes);
    const refused = await runCli(['workshop', 'load', damaged], { DOCKER_HOST: second.host });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged/);

    const loaded = await runCli(['workshop', 'load', bundle], { DOCKER_HOST: second.host });
    expect(loaded.stdout).toMatch(/checksum ok; loaded \d+ image/);
    expect(loaded.stdout).toMatch(/ok +base-images: all \d+ base image\(s\) present/);
    // The workshop bundle is made from the stand-ins; the grading below uses them on both engines.
    await prepareCourseImages(second.docker, loadCourse());
  });
});

describe('shipshape grade on real engines', () => {
  let one: GradeReport;
  let oneText: string;

  it('scores every submission, correct, broken and hostile, and leaves nothing on the engine', async () => {
    const docker = await testEngine();
    const before = await labelledIds(docker);
    const out = path.join(scratch, 'one.json');
    one = await grade(['--jobs', '2'], out);
    oneText = readFileSync(out, 'utf8');

    expect(one.students.map((s) => s.id)).toEqual(['s01-correct', 's02-partly', 's03-broken-yaml', 's04-fork-bomb', 's05-huge-file', 's06-symlink-out', 's07-privileged', 's08-remote-add', 's09-many-files', 's10-empty', 's11-limits-correct', 's12-nothing']);
    const result = (student: string, challenge: string) => {
      const found = one.students.find((s) => s.id === student)?.challenges.find((c) => c.id === challenge);
      if (!found) throw new Error(`no result for ${student} ${challenge}`);
      return found;
    };
    const evidence = (student: string, challenge: string) => result(student, challenge).checks.map((c) => c.evidence).join('\n');
    for (const student of one.students) {
      expect(student.challenges.map((c) => c.id)).toEqual([NON_ROOT, LIMITS]);
      for (const challenge of student.challenges) expect(challenge.score).toBeLessThanOrEqual(challenge.max);
    }
    // The correct solution earns every point the challenge declares: every check, static and runtime, ran and passed.
    expect(nonRootMax).toBeGreaterThan(0);
    expect(result('s01-correct', NON_ROOT)).toMatchObject({ passed: true, score: nonRootMax, max: nonRootMax });
    expect(result('s11-limits-correct', LIMITS)).toMatchObject({ passed: true });
    const partly = result('s02-partly', NON_ROOT);
    expect(partly.score).toBeGreaterThan(0);
    expect(partly.score).toBeLessThan(partly.max);
    expect(result('s03-broken-yaml', LIMITS).score).toBe(0);
    expect(evidence('s03-broken-yaml', LIMITS)).toMatch(/compose\.yaml:\d+/);
    expect(result('s04-fork-bomb', NON_ROOT).max).toBe(nonRootMax);
    for (const student of ['s05-huge-file', 's06-symlink-out', 's09-many-files']) {
      expect(result(student, NON_ROOT).score).toBe(0);
      expect(evidence(student, NON_ROOT)).toMatch(/refused/);
    }
    expect(evidence('s06-symlink-out', NON_ROOT)).toMatch(/symlink out of the submission/);
    expect(oneText).not.toContain(OUTSIDE_MARKER);
    expect(result('s07-privileged', LIMITS).checks.filter((c) => c.kind === 'runtime').every((c) => !c.passed && /privileged/i.test(c.evidence))).toBe(true);
    const remote = result('s08-remote-add', NON_ROOT).checks.filter((c) => c.kind === 'runtime');
    expect(remote.every((c) => !c.passed && /ADD|remote|fetch/i.test(c.evidence))).toBe(true);
    expect(fetched).toEqual([]);
    expect(result('s10-empty', NON_ROOT).score).toBe(0);
    expect(evidence('s12-nothing', NON_ROOT)).toMatch(/not submitted/);
    expect(one.students.find((s) => s.id === 's01-correct')?.challenges[0]?.engine).toBe(firstHost);

    const after = await labelledIds(docker);
    expect([...after].filter((id) => !before.has(id))).toEqual([]);
  });

  it('writes JUnit that validates against the JUnit schema, and CSV with a row per student', async () => {
    const junit = await runCli(['grade', 'merge', path.join(scratch, 'one.json'), '--format', 'junit']);
    expect(junit.code).toBe(0);
    expect(await junitProblems(junit.stdout)).toEqual([]);
    expect(junit.stdout.match(/<testsuite /g)?.length).toBe(12);
    const csv = await runCli(['grade', 'merge', path.join(scratch, 'one.json'), '--format', 'csv']);
    const rows = csv.stdout.split('\r\n');
    expect(rows[0]).toBe(`student,${NON_ROOT},${LIMITS},total,max`);
    expect(rows[1]).toBe(`s01-correct,${nonRootMax},0,${nonRootMax},${String(one.students[0]?.max)}`);
  });

  it('writes the same bytes on a second run, apart from durationMs', async () => {
    const out = path.join(scratch, 'again.json');
    await grade(['--jobs', '2'], out);
    const again = readFileSync(out, 'utf8');
    // The report is exactly its JSON, so comparing re-serialized reports compares the files' bytes.
    expect(again).toBe(`${JSON.stringify(JSON.parse(again), null, 2)}\n`);
    expect(withoutDurations(again)).toBe(withoutDurations(oneText));
  });

  it('gives the same scores spread over two engines, naming the engine behind each, and leaves nothing on either', async () => {
    const before = await labelledIds(second.docker);
    const two = await grade(['--engine', firstHost, '--engine', second.host], path.join(scratch, 'two.json'));
    expect(scores(two)).toEqual(scores(one));
    const engines = new Set(two.students.flatMap((s) => s.challenges.map((c) => c.engine)).filter((e) => e !== null));
    expect(engines).toEqual(new Set([firstHost, second.host]));
    const after = await labelledIds(second.docker);
    expect([...after].filter((id) => !before.has(id))).toEqual([]);
  });

  it('grades in shards (as the CI templates do) that merge into the one report', async () => {
    const halves = [];
    for (const shard of ['1/2', '2/2']) halves.push(await grade(['--shard', shard, '--jobs', '2'], path.join(scratch, `shard-${shard[0]}.json`)));
    expect(halves.every((half) => half.students.length > 0 && half.students.length < one.students.length)).toBe(true);
    const merged = path.join(scratch, 'merged.json');
    const result = await runCli(['grade', 'merge', path.join(scratch, 'shard-1.json'), path.join(scratch, 'shard-2.json'), '--out', merged]);
    expect(result.code).toBe(0);
    expect(withoutDurations(readFileSync(merged, 'utf8'))).toBe(withoutDurations(oneText));
  });

  it('stops a submission at its own time limit, scores it with the reason, and cleans up', async () => {
    const docker = await testEngine();
    const before = await labelledIds(docker);
    const slow = path.join(scratch, 'slow');
    // A first health check only after 60 s: the probe would wait its full 45 s for "healthy".
    cpSync(challengeDir('02-images/06-healthcheck/solution'), path.join(slow, 'dawdler', 'healthcheck'), { recursive: true });
    writeFileSync(
      path.join(slow, 'dawdler', 'healthcheck', 'Dockerfile'),
      'FROM busybox:1.36.1\nWORKDIR /srv/www\nCOPY index.html ./\nUSER 10001:10001\nHEALTHCHECK --interval=60s --timeout=5s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1\nCMD ["httpd", "-f", "-p", "8080", "-h", "/srv/www"]\n',
    );
    cpSync(challengeDir('02-images/06-healthcheck/solution'), path.join(slow, 'prompt', 'healthcheck'), { recursive: true });
    const out = path.join(scratch, 'slow.json');
    const result = await runCli(['grade', slow, '--challenges', 'healthcheck', '--timeout', '12', '--jobs', '2', '--out', out]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as GradeReport;
    const [dawdler, prompt] = report.students.map((s) => s.challenges[0]);
    expect(dawdler?.checks.find((c) => c.kind === 'runtime')?.evidence).toMatch(/limit of 12 s/);
    // The static check still counts, and the other student is not held up by the slow one.
    expect(dawdler?.checks.find((c) => c.kind === 'static')?.passed).toBe(true);
    expect(prompt).toMatchObject({ passed: true });
    expect(dawdler?.durationMs).toBeGreaterThan(0);
    const after = await labelledIds(docker);
    expect([...after].filter((id) => !before.has(id))).toEqual([]);
  });

  it('signs a report; verify-report accepts it and refuses an edited copy', async () => {
    const keys = (await import('../../src/grade/signature.js')).generateSigningKeys();
    writeFileSync(path.join(scratch, 'grading.key'), keys.privateKeyPem);
    writeFileSync(path.join(scratch, 'grading.pub'), keys.publicKeyPem);
    const signed = path.join(scratch, 'signed.csv');
    const made = await runCli(['grade', 'merge', path.join(scratch, 'one.json'), '--format', 'csv', '--out', signed, '--sign-key', path.join(scratch, 'grading.key')]);
    expect(made.code).toBe(0);
    const ok = await runCli(['verify-report', signed, '--public-key', path.join(scratch, 'grading.pub')]);
    expect(ok.code).toBe(0);
    // Raise s01-correct's score by one point; the edit must really change the file, or refusing it proves nothing.
    const original = readFileSync(signed, 'utf8');
    const tampered = original.replace(`s01-correct,${nonRootMax},`, `s01-correct,${nonRootMax + 1},`);
    expect(tampered).not.toBe(original);
    writeFileSync(signed, tampered);
    const edited = await runCli(['verify-report', signed, '--public-key', path.join(scratch, 'grading.pub')]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toMatch(/NOT valid: the report was changed after it was signed/);
  });

  it('grades a folder of `shipshape export` archives like folders', async () => {
    const home = path.join(scratch, 'learner-home');
    cpSync(nonRootSolution, path.join(home, 'workspace', NON_ROOT), { recursive: true });
    const archives = path.join(scratch, 'archives');
    mkdirSync(archives);
    const exported = await runCli(['export', '--student', 'alice', '--out', path.join(archives, 'alice.shipshape.tar')], { SHIPSHAPE_HOME: home });
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/from 1 challenge workspace/);
    const out = path.join(scratch, 'archives.json');
    const graded = await runCli(['grade', archives, '--challenges', NON_ROOT, '--out', out]);
    expect(graded.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as GradeReport;
    expect(report.students.map((s) => `${s.id} ${s.score}/${s.max}`)).toEqual([`alice ${nonRootMax}/${nonRootMax}`]);
  });

  it("fails one student's answer against another student's variant where the variant matters", async () => {
    const course = loadCourse();
    const limits = course.challenges.find((c) => c.id === LIMITS);
    if (!limits) throw new Error('no resource-limits-compose challenge');
    // Two seeds whose process limits differ: the first student's limit is above the second's.
    const seedA = 'term-2026-alice';
    let seedB = '';
    for (let i = 0; seedB === ''; i++) {
      if (Number(variantValues(limits, `term-2026-bob-${i}`).maxPids) < Number(variantValues(limits, seedA).maxPids) - 5) seedB = `term-2026-bob-${i}`;
    }
    const limitA = Number(variantValues(limits, seedA).maxPids);
    const classDir = path.join(scratch, 'variants');
    const answer = readFileSync(path.join(limitsSolution, 'compose.yaml'), 'utf8').replace(/pids_limit: \d+/, `pids_limit: ${limitA}`);
    for (const student of ['alice', 'bob']) {
      const dir = path.join(classDir, student, LIMITS);
      cpSync(limitsSolution, dir, { recursive: true });
      // Bob hands in Alice's answer, tuned to Alice's limit.
      writeFileSync(path.join(dir, 'compose.yaml'), answer);
    }
    const seeds = path.join(scratch, 'seeds.csv');
    writeFileSync(seeds, `student,seed\nalice,${seedA}\nbob,${seedB}\n`);
    const out = path.join(scratch, 'variants.json');
    const result = await runCli(['grade', classDir, '--challenges', LIMITS, '--seeds', seeds, '--out', out]);
    expect(result.code).toBe(0);
    const report = JSON.parse(readFileSync(out, 'utf8')) as GradeReport;
    const [alice, bob] = report.students.map((s) => s.challenges[0]);
    expect(alice).toMatchObject({ passed: true, seed: seedA });
    expect(bob?.seed).toBe(seedB);
    expect(bob?.passed).toBe(false);
    const failed = bob?.checks.filter((c) => !c.passed).map((c) => c.id);
    expect(failed).toContain('attack-fork-flood');
    expect(bob?.checks.find((c) => c.id === 'attack-fork-flood')?.evidence).toContain(`the ${variantValues(limits, seedB).maxPids} allowed`);
  });
});
