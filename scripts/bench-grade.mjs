// Grading throughput: submissions per minute with 1 job, N jobs, and spread over 2 engines.
// Prints figures, asserts nothing (a measurement, not a test). Run by `npm run bench` (after the
// build) or alone: `node scripts/bench-grade.mjs`. Needs a Docker engine (DOCKER_HOST or the
// default) and root to start a second dockerd beside it; without root the 2-engine figure is
// skipped with the reason. BENCH_GRADE_STUDENTS (default 8) and BENCH_GRADE_JOBS (default 2).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/shipshape.cjs');
const students = Number(process.env.BENCH_GRADE_STUDENTS ?? 8);
const jobs = Number(process.env.BENCH_GRADE_JOBS ?? 2);
const challenge = 'non-root-dockerfile';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-grade-'));

// A class: half the solution, half the broken files (both build and run every probe).
const submissions = path.join(scratch, 'submissions');
for (let i = 0; i < students; i++) {
  const side = i % 2 === 0 ? 'solution' : 'broken';
  cpSync(path.join(root, 'challenges/04-runtime/01-non-root-dockerfile', side), path.join(submissions, `student-${String(i).padStart(3, '0')}`, challenge), { recursive: true });
}

function grade(label, args, env = {}) {
  const out = path.join(scratch, `${label.replace(/\W+/g, '-')}.json`);
  const start = performance.now();
  const result = spawnSync(process.execPath, [bin, 'grade', submissions, '--challenges', challenge, '--out', out, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) throw new Error(`grade ${args.join(' ')} failed: ${result.stderr}`);
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const total = report.students.reduce((n, s) => n + s.score, 0);
  console.log(`  ${label.padEnd(34)} ${(students / (seconds / 60)).toFixed(1).padStart(6)} submissions/min (${students} in ${seconds.toFixed(1)} s, total score ${total})`);
}

async function startSecondEngine() {
  const dir = `/tmp/ssb-${process.pid}`;
  for (const sub of ['data', 'exec']) mkdirSync(path.join(dir, sub), { recursive: true });
  const socket = path.join(dir, 'docker.sock');
  const log = openSync(path.join(dir, 'dockerd.log'), 'a');
  const daemon = spawn('dockerd', ['--host', `unix://${socket}`, '--data-root', path.join(dir, 'data'), '--exec-root', path.join(dir, 'exec'), '--pidfile', path.join(dir, 'docker.pid'), '--bridge=none', '--iptables=false', '--ip-masq=false'], { stdio: ['ignore', log, log] });
  daemon.on('error', () => undefined);
  const host = `unix://${socket}`;
  for (let i = 0; i < 120; i++) {
    if (daemon.exitCode !== null) break;
    if (existsSync(socket) && spawnSync('docker', ['version'], { env: { ...process.env, DOCKER_HOST: host }, stdio: 'ignore' }).status === 0) break;
    await sleep(500);
  }
  const stop = async () => {
    if (daemon.exitCode === null) daemon.kill('SIGTERM');
    for (let i = 0; i < 60 && daemon.exitCode === null; i++) await sleep(250);
    rmSync(dir, { recursive: true, force: true });
  };
  if (daemon.exitCode !== null) {
    await stop();
    return undefined;
  }
  const prepared = spawnSync(process.execPath, [path.join(root, 'scripts/prepare-images.mjs')], { env: { ...process.env, DOCKER_HOST: host }, encoding: 'utf8' });
  if (prepared.status !== 0) {
    await stop();
    return undefined;
  }
  return { host, stop };
}

console.log(`\nGrading throughput (${students} submissions of ${challenge}, build + run + 3 probes each)`);
try {
  const first = process.env.DOCKER_HOST || 'unix:///var/run/docker.sock';
  grade('warm-up (not counted)', ['--jobs', String(jobs)]);
  grade('1 job, 1 engine', ['--jobs', '1']);
  grade(`${jobs} jobs, 1 engine`, ['--jobs', String(jobs)]);
  const second = process.getuid?.() === 0 ? await startSecondEngine() : undefined;
  if (second) {
    try {
      grade(`${jobs} jobs on each of 2 engines`, ['--jobs', String(jobs), '--engine', first, '--engine', second.host]);
    } finally {
      await second.stop();
    }
  } else {
    console.log('  2 engines: skipped (starting a second dockerd needs root and the dockerd binary)');
  }
  console.log('  (2 engines on one 2-core machine share its CPUs: the figure shows the overhead of spreading, not a speed-up.)');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
