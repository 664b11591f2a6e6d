// Benchmarks shipshape's feedback loop and prints figures (no asserts: this is a measurement,
// not a test). Run with `npm run bench` (builds first). Needs a Docker engine for the runtime part.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/shipshape.js');
const slice = path.join(root, 'challenges/04-runtime/01-non-root-dockerfile');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const runtimeRuns = Number(process.env.BENCH_RUNTIME_RUNS ?? 7);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value) => `${value.toFixed(1)} ms`;

function timeCommand(command, args) {
  const start = performance.now();
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const elapsed = performance.now() - start;
  return { elapsed, status: result.status, stderr: result.stderr.toString() };
}

/** Interleaves the commands so machine noise hits both alike. */
function compare(label, a, b, count) {
  const times = [[], []];
  for (let i = 0; i < count; i++) {
    for (const [index, [command, args]] of [a, b].entries()) {
      const { elapsed } = timeCommand(command, args);
      times[index].push(elapsed);
    }
  }
  const [ma, mb] = times.map(median);
  console.log(`${label}`);
  console.log(`  ${a[2].padEnd(40)} median ${ms(ma)} (n=${count})`);
  console.log(`  ${b[2].padEnd(40)} median ${ms(mb)} (n=${count})`);
  console.log(`  ratio ${(ma / mb).toFixed(2)}x`);
  return ma / mb;
}

// 5. A whole `shipshape check suid-escalation` (node start, static rules, sweep, cached build,
// run, every probe's exec, cleanup) against the docker CLI doing the same engine steps: a cached
// build, a run, the probes' execs (the SUID search, `id -u`, the attacker's SUID-root search,
// the page app-works asks for), and rm. Interleaved, warm cache on both sides.
{
  const suid = path.join(root, 'challenges/02-images/05-suid-escalation/solution');
  const cliTag = `shipshape-bench/suid-cli:${process.pid}`;
  const dockerSuid = () => {
    const start = performance.now();
    execFileSync('docker', ['build', '-q', '--network', 'none', '-t', cliTag, suid], { stdio: 'pipe', env: { ...process.env, DOCKER_BUILDKIT: '0' } });
    const id = execFileSync('docker', ['run', '-d', '--network', 'none', '--memory', '256m', '--pids-limit', '128', '--cpus', '1', cliTag], { encoding: 'utf8' }).trim();
    execFileSync('docker', ['exec', '-u', '0', id, 'find', '/', '-xdev', '-perm', '/6000', '-type', 'f'], { stdio: 'pipe' });
    execFileSync('docker', ['exec', id, 'id', '-u'], { stdio: 'pipe' });
    execFileSync('docker', ['exec', '-u', '0', id, 'find', '/', '-xdev', '-perm', '-4000', '-user', '0', '-type', 'f'], { stdio: 'pipe' });
    // app-works: the page, asked from inside (retried while httpd binds its port, as the probe does).
    for (let ask = 0; ; ask++) {
      try {
        execFileSync('docker', ['exec', id, 'wget', '-q', '-O', '-', 'http://127.0.0.1:8080/'], { stdio: 'pipe' });
        break;
      } catch (error) {
        if (ask >= 20) throw error;
      }
    }
    execFileSync('docker', ['rm', '-f', '-v', id], { stdio: 'pipe' });
    return performance.now() - start;
  };
  const shipshapeSuid = () => {
    const { elapsed, status, stderr } = timeCommand(process.execPath, [bin, 'check', 'suid-escalation', '--dir', suid]);
    if (status !== 0) throw new Error(`shipshape check suid-escalation failed: ${stderr}`);
    return elapsed;
  };
  dockerSuid();
  shipshapeSuid();
  const theirs = [];
  const mine = [];
  for (let i = 0; i < runtimeRuns; i++) {
    theirs.push(dockerSuid());
    mine.push(shipshapeSuid());
  }
  execFileSync('docker', ['rmi', cliTag], { stdio: 'pipe' });
  console.log('\nWhole check: `shipshape check suid-escalation` vs the docker CLI doing the same engine steps (warm cache)');
  console.log(`  shipshape check suid-escalation           median ${ms(median(mine))} (n=${runtimeRuns})`);
  console.log(`  docker build + run + 4 exec + rm          median ${ms(median(theirs))} (n=${runtimeRuns})`);
  console.log(`  ratio ${(median(mine) / median(theirs)).toFixed(2)}x (target: at most 1.30x)`);
}

