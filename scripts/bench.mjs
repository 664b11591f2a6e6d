// Benchmarks shipshape's feedback loop and prints figures (no asserts: this is a measurement,
// not a test). Run with `npm run bench` (builds first). Needs a Docker engine for the runtime part.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/shipshape.cjs');
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

console.log(`shipshape bench, node ${process.version}, ${new Date().toISOString()}\n`);
await import('./bench-course.mjs'); // The course's figures (first frame, save to verdict); needs no engine.

// 1. Startup.
compare('Startup: `shipshape --version` vs bare node', [process.execPath, [bin, '--version'], 'shipshape --version'], [process.execPath, ['-e', '0'], 'node -e 0'], runs);

// 2. Static check of the slice, in process (the feedback a watch mode gives) and as a command.
const { lintDockerfile } = await import(path.join(root, 'dist/rules/engine.js'));
const brokenText = readFileSync(path.join(slice, 'broken/Dockerfile'), 'utf8');
for (let i = 0; i < 200; i++) lintDockerfile(brokenText, 'Dockerfile');
const inProcess = [];
for (let i = 0; i < 2000; i++) {
  const start = performance.now();
  lintDockerfile(brokenText, 'Dockerfile');
  inProcess.push(performance.now() - start);
}
console.log('\nStatic check of the slice');
console.log(`  in process (parse + rules), median of 2000: ${(median(inProcess) * 1000).toFixed(0)} µs`);
const staticCli = [];
for (let i = 0; i < runs; i++) staticCli.push(timeCommand(process.execPath, [bin, 'check', 'non-root-dockerfile', '--dir', path.join(slice, 'broken'), '--static-only']).elapsed);
console.log(`  \`shipshape check --static-only\` end to end: median ${ms(median(staticCli))} (n=${runs})`);

// 3. Lint throughput: >= 1,000 generated files of every kind, discovered and linted in one process.
{
  const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = await import('node:fs');
  const os = await import('node:os');
  const { discoverFiles } = await import(path.join(root, 'dist/lint/discoverFiles.js'));
  const { lintSources } = await import(path.join(root, 'dist/lint/lintSources.js'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-lint-'));
  const count = Number(process.env.BENCH_LINT_FILES ?? 1200);
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `svc-${i}`);
    mkdirSync(folder);
    switch (i % 4) {
      case 0:
        writeFileSync(path.join(folder, 'Dockerfile'), `ARG TAG=20.11.${i % 10}-alpine\nFROM node:\${TAG} AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN npm run build\nFROM node:\${TAG}\nENV API_TOKEN=abc${i}\nCOPY --from=build /app/dist /app\nUSER ${i % 3 === 0 ? 'root' : '10001'}\nEXPOSE 3000\nCMD ["node", "/app/server.js"]\n`);
        break;
      case 1:
        writeFileSync(path.join(folder, 'compose.yaml'), `services:\n  web:\n    image: nginx:1.25.${i % 5}\n    read_only: true\n    cap_drop: [ALL]\n    ports: ["8080:80"]\n    environment:\n      DB_PASSWORD: hunter${i}\n  worker:\n    build: .\n    privileged: ${i % 2 === 0}\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n    mem_limit: 256m\n`);
        break;
      case 2:
        writeFileSync(path.join(folder, 'deployment.yaml'), `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n      containers:\n        - name: app\n          image: registry.example/app:1.${i}\n          securityContext:\n            allowPrivilegeEscalation: false\n            capabilities: {drop: [ALL]}\n          resources:\n            limits: {memory: 128Mi, cpu: 500m}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\nspec:\n  ports: [{port: 80}]\n`);
        break;
      default:
        writeFileSync(path.join(folder, 'rbac.yaml'), `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: role-${i}\nrules:\n  - apiGroups: ["*"]\n    resources: ["pods", "secrets"]\n    verbs: ["get", "list"]\n`);
    }
  }
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const sources = (await discoverFiles([dir])).sources;
  const { results } = await lintSources(sources);
  const elapsed = performance.now() - started;
  const findings = results.reduce((sum, r) => sum + r.findings.length, 0);
  rmSync(dir, { recursive: true, force: true });
  console.log(`\nLint throughput (one process, one core: node is single-threaded here)`);
  console.log(`  ${sources.length} files discovered, read and linted in ${ms(elapsed)}: ${(sources.length / (elapsed / 1000)).toFixed(0)} files/s, ${findings} findings`);
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB (RSS before linting ${(rssBefore / 1024 / 1024).toFixed(0)} MB)`);
  const sample = path.join(slice, 'broken/Dockerfile');
  compare('\nStartup: `shipshape lint <one Dockerfile>` vs bare node', [process.execPath, [bin, 'lint', sample], 'shipshape lint Dockerfile'], [process.execPath, ['-e', '0'], 'node -e 0'], runs);
}

console.log('\n'); await import('./bench-lint.mjs'); // lint startup, files/s and MB/s over a generated repository-sized corpus

// 4. Runtime check vs the same steps with the docker CLI (both with a warm build cache).
let dockerOk = spawnSync('docker', ['version'], { stdio: 'ignore' }).status === 0;
if (!dockerOk) {
  console.log('\nRuntime: no Docker engine answered; skipped.');
  process.exit(0);
}
const dockerSequence = () => {
  const start = performance.now();
  const tag = `shipshape-bench/docker-cli:${process.pid}`;
  execFileSync('docker', ['build', '-q', '--network', 'none', '--label', 'dev.shipshape.managed=true', '--label', `dev.shipshape.owner=${process.pid}`, '-t', tag, path.join(slice, 'solution')], { stdio: 'pipe' });
  const id = execFileSync('docker', ['run', '-d', '--network', 'none', '--memory', '256m', '--pids-limit', '128', '--cpus', '1', '--label', 'dev.shipshape.managed=true', '--label', `dev.shipshape.owner=${process.pid}`, tag], { encoding: 'utf8' }).trim();
  execFileSync('docker', ['exec', id, 'id', '-u'], { stdio: 'pipe' });
  execFileSync('docker', ['exec', id, 'id'], { stdio: 'pipe' });
  execFileSync('docker', ['rm', '-f', '-v', id], { stdio: 'pipe' });
  execFileSync('docker', ['rmi', '-f', tag], { stdio: 'pipe' });
  return performance.now() - start;
};
// The same steps through shipshape: the slice's static check, then build, run, one probe
// (`id -u` and `id` inside), cleanup; in one process, as a watch mode or grader runs it.
const { loadCourse } = await import(path.join(root, 'dist/content/loadCourse.js'));
const { checkChallenge } = await import(path.join(root, 'dist/checks/checkChallenge.js'));
const shipped = loadCourse().challenges.find((c) => c.id === 'non-root-dockerfile');
const sameSteps = { ...shipped, checks: { ...shipped.checks, runtime: { ...shipped.checks.runtime, probes: [{ probe: 'user-not-root', with: {} }] } } };
const shipshapeSequence = async () => {
  const start = performance.now();
  const verdict = await checkChallenge(sameSteps, { dir: path.join(slice, 'solution'), staticOnly: false });
  if (!verdict.passed) throw new Error('shipshape check failed on the solution');
  return performance.now() - start;
};
const wholeCommand = () => {
  const { elapsed, status, stderr } = timeCommand(process.execPath, [bin, 'check', 'non-root-dockerfile', '--dir', path.join(slice, 'solution')]);
  if (status !== 0) throw new Error(`shipshape check failed: ${stderr}`);
  return elapsed;
};
dockerSequence();
await shipshapeSequence();
wholeCommand();
const cli = [];
const ours = [];
const whole = [];
for (let i = 0; i < runtimeRuns; i++) {
  cli.push(dockerSequence());
  ours.push(await shipshapeSequence());
  whole.push(wholeCommand());
}
const probeCount = shipped.checks.runtime.probes.length;
console.log('\nRuntime check (build, run, exec `id -u` and `id`, remove container and image; warm build cache)');
console.log(`  shipshape, same steps, in process        median ${ms(median(ours))} (n=${runtimeRuns})`);
console.log(`  docker CLI, same steps                   median ${ms(median(cli))} (n=${runtimeRuns})`);
console.log(`  ratio ${(median(ours) / median(cli)).toFixed(2)}x`);
console.log(`  for reference: \`shipshape check\` as a command, all ${probeCount} probes of the challenge (attack replays included): median ${ms(median(whole))}`);

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

await import('./bench-grade.mjs');
