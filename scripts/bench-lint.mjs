// Benchmarks `shipshape lint` and prints figures (a measurement, not a test: no asserts).
// Generates a repository-sized corpus (Dockerfiles, compose files, Kubernetes YAML with big
// CRDs, CI workflows, and files lint must pass over), then reports:
//   - startup: `shipshape lint <one Dockerfile>` vs `node -e 0` (interleaved, median);
//   - throughput: files/s and MB/s of YAML, in one process (discover + read + parse + rules)
//     and end to end through the CLI.
// Run `npm run build` first; `node scripts/bench-lint.mjs` (BENCH_RUNS, BENCH_LINT_SCALE, BENCH_LINT_KEEP).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin/shipshape.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const scale = Number(process.env.BENCH_LINT_SCALE ?? 1);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`;

function time(args) {
  const start = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 30 });
  return { elapsed: performance.now() - start, status: result.status };
}

/** A CustomResourceDefinition with a deep OpenAPI schema, the size of real operator CRDs. */
function crd(i, properties) {
  const lines = [`apiVersion: apiextensions.k8s.io/v1`, `kind: CustomResourceDefinition`, `metadata:`, `  name: widgets${i}.example.com`, `spec:`, `  group: example.com`, `  names: {kind: Widget${i}, plural: widgets${i}}`, `  scope: Namespaced`, `  versions:`, `    - name: v1`, `      served: true`, `      storage: true`, `      schema:`, `        openAPIV3Schema:`, `          type: object`, `          properties:`];
  for (let p = 0; p < properties; p++) {
    lines.push(`            field${p}:`, `              description: "Field ${p} of the widget: what it configures, its default and the values it accepts, as generated CRDs spell it out."`, `              type: object`, `              properties:`);
    for (let q = 0; q < 4; q++) lines.push(`                sub${q}:`, `                  type: ${q % 2 ? 'string' : 'integer'}`, `                  description: "Nested setting ${q}."`);
  }
  return `${lines.join('\n')}\n`;
}

function generateCorpus(dir) {
  let yamlBytes = 0;
  let files = 0;
  const write = (file, text, yaml) => {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
    files++;
    if (yaml) yamlBytes += Buffer.byteLength(text);
  };
  const services = Math.round(400 * scale);
  for (let i = 0; i < services; i++) {
    const svc = `services/svc-${i}`;
    write(`${svc}/Dockerfile`, `# syntax=docker/dockerfile:1\nARG NODE=20.11.${i % 10}-alpine3.19\nFROM node:\${NODE} AS build\nWORKDIR /app\nCOPY package*.json ./\nRUN --mount=type=cache,target=/root/.npm npm ci\nCOPY . .\nRUN npm run build && npm prune --omit=dev\nFROM node:\${NODE}\nRUN apk add --no-cache tini=0.19.0-r2 && addgroup -S app && adduser -S -G app -u 10001 app\nWORKDIR /app\nCOPY --from=build --chown=10001:10001 /app/dist ./dist\nCOPY --from=build --chown=10001:10001 /app/node_modules ./node_modules\nENV NODE_ENV=production PORT=8080\nUSER ${i % 5 === 0 ? 'root' : '10001:10001'}\nEXPOSE 8080\nHEALTHCHECK --interval=30s CMD wget -qO- http://localhost:8080/health || exit 1\nENTRYPOINT ["/sbin/tini", "--"]\nCMD ["node", "dist/server.js"]\n`, false);
    write(`${svc}/.dockerignore`, 'node_modules\n.git\n*.env\n', false);
    write(`${svc}/package.json`, `{"name": "svc-${i}", "version": "1.0.${i}", "scripts": {"build": "tsc"}}\n`, false);
    write(`${svc}/README.md`, `# svc-${i}\n\nA service.\n`, false);
    if (i % 4 === 0) {
      write(`${svc}/compose.yaml`, `services:\n  app:\n    build: .\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n    mem_limit: 256m\n    pids_limit: 200\n    cpus: "0.5"\n    ports: ["127.0.0.1:8080:8080"]\n    environment:\n      DB_HOST: db\n      DB_PASSWORD: \${DB_PASSWORD}\n  db:\n    image: postgres:16.2-alpine3.19\n    volumes: [db:/var/lib/postgresql/data]\n    mem_limit: 512m\nvolumes:\n  db: {}\n`, true);
    }
    const manifests = [
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 8}\n  labels: {app: svc-${i}}\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: svc-${i}}\n  template:\n    metadata:\n      labels: {app: svc-${i}}\n    spec:\n      serviceAccountName: svc-${i}\n      automountServiceAccountToken: false\n      securityContext:\n        runAsNonRoot: true\n        runAsUser: 10001\n        seccompProfile: {type: RuntimeDefault}\n      containers:\n        - name: app\n          image: registry.example.com/svc-${i}:1.${i}.0\n          ports: [{containerPort: 8080}]\n          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities: {drop: [ALL]}\n          resources:\n            requests: {cpu: 100m, memory: 128Mi}\n            limits: {memory: 256Mi}\n          livenessProbe:\n            httpGet: {path: /health, port: 8080}\n          env:\n            - name: DB_PASSWORD\n              valueFrom: {secretKeyRef: {name: svc-${i}-db, key: password}}\n`,
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 8}\nspec:\n  selector: {app: svc-${i}}\n  ports: [{port: 80, targetPort: 8080}]\n`,
      `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 8}\nautomountServiceAccountToken: false\n`,
    ];
    write(`deploy/k8s/svc-${i}.yaml`, manifests.join('---\n'), true);
    if (i % 3 === 0) write(`deploy/k8s/svc-${i}-rbac.yaml`, `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 8}\nrules:\n  - apiGroups: [""]\n    resources: [configmaps]\n    verbs: [get, list, watch]\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: RoleBinding\nmetadata:\n  name: svc-${i}\n  namespace: team-${i % 8}\nsubjects: [{kind: ServiceAccount, name: svc-${i}}]\nroleRef: {kind: Role, name: svc-${i}, apiGroup: rbac.authorization.k8s.io}\n`, true);
  }
  for (let n = 0; n < 8; n++) write(`deploy/k8s/policies/team-${n}.yaml`, `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: default-deny\n  namespace: team-${n}\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n`, true);
  // Big CRDs, as operators ship them (hundreds of kilobytes to a few megabytes each).
  for (let c = 0; c < Math.round(12 * scale); c++) write(`deploy/crds/widget-${c}.yaml`, crd(c, 150 + c * 60), true);
  for (let w = 0; w < 6; w++) write(`.github/workflows/ci-${w}.yml`, `name: ci\non: [push]\npermissions: {contents: read}\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker build -t app:\${{ github.sha }} .\n      - uses: aquasecurity/trivy-action@0.24.0\n        with: {image-ref: "app:\${{ github.sha }}", exit-code: "1", severity: "CRITICAL,HIGH"}\n`, true);
  write('charts/app/Chart.yaml', 'apiVersion: v2\nname: app\nversion: 1.0.0\n', true);
  write('charts/app/values.yaml', 'replicaCount: 2\nimage:\n  repository: registry.example.com/app\n  tag: "1.0.0"\n', true);
  for (let t = 0; t < 10; t++) write(`charts/app/templates/t${t}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include "app.fullname" . }}-${t}\ndata:\n  key: {{ .Values.image.tag | quote }}\n`, true);
  write('monitoring/alertmanager.yml', 'route:\n  receiver: team\nreceivers:\n  - name: team\n', true);
  return { files, yamlBytes };
}

console.log(`shipshape lint bench, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);

// 1. Startup, interleaved with bare node so machine noise hits both alike.
const sample = path.join(root, 'challenges/04-runtime/01-non-root-dockerfile/broken/Dockerfile');
const startup = { node: [], lint: [] };
for (let i = 0; i < runs; i++) {
  startup.node.push(time(['-e', '0']).elapsed);
  startup.lint.push(time([bin, 'lint', sample]).elapsed);
}
const ratio = median(startup.lint) / median(startup.node);
console.log('Startup: `shipshape lint <one Dockerfile>` vs `node -e 0`');
console.log(`  node -e 0        median ${median(startup.node).toFixed(1)} ms (range ${spread(startup.node)}, n=${runs})`);
console.log(`  shipshape lint   median ${median(startup.lint).toFixed(1)} ms (range ${spread(startup.lint)}, n=${runs})`);
console.log(`  ratio ${ratio.toFixed(2)}x (goal <= 1.50x)`);

// 2. Throughput over the generated corpus.
// BENCH_LINT_KEEP=1 keeps the corpus (its path is printed) for profiling.
const dir = mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-lint-'));
try {
  const corpus = generateCorpus(dir);
  console.log(`\nCorpus: ${corpus.files} files, ${(corpus.yamlBytes / 1024 / 1024).toFixed(1)} MB of YAML (Dockerfiles, compose, Kubernetes with big CRDs, workflows, a Helm chart, files to pass over)`);
  const { discoverFiles } = await import(path.join(root, 'dist/lint/discoverFiles.js'));
  const { lintSources } = await import(path.join(root, 'dist/lint/lintSources.js'));
  const inProcess = [];
  const cpu = [];
  let linted = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const discovery = await discoverFiles([dir], { cwd: dir });
    const { results } = await lintSources(discovery.sources, { notices: discovery.notices });
    inProcess.push(performance.now() - started);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    linted = results.length;
  }
  const best = Math.min(...inProcess);
  const bestCpu = Math.min(...cpu);
  const rate = (ms) => `${(linted / (ms / 1000)).toFixed(0)} files/s, ${(corpus.yamlBytes / 1024 / 1024 / (ms / 1000)).toFixed(1)} MB/s of YAML`;
  console.log(`\nIn one process (discover, read, parse once, rules), ${linted} files linted, 5 rounds:`);
  console.log(`  wall: best ${best.toFixed(0)} ms (range ${spread(inProcess)}): ${rate(best)}`);
  // CPU time is what the run costs when the machine is shared: wall time includes waiting for a core.
  console.log(`  cpu:  best ${bestCpu.toFixed(0)} ms (range ${spread(cpu)}): ${rate(bestCpu)}`);
  const cli = [];
  for (let i = 0; i < 5; i++) cli.push(time([bin, 'lint', '--format', 'json', dir]).elapsed);
  const bestCli = Math.min(...cli);
  console.log(`End to end (\`shipshape lint --format json <corpus>\`), 5 runs:`);
  console.log(`  best ${bestCli.toFixed(0)} ms (range ${spread(cli)}): ${(linted / (bestCli / 1000)).toFixed(0)} files/s, ${(corpus.yamlBytes / 1024 / 1024 / (bestCli / 1000)).toFixed(1)} MB/s of YAML (goals >= 500 files/s, >= 10 MB/s)`);
  console.log(`  peak RSS of this bench process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  if (process.env.BENCH_LINT_KEEP) console.log(`  corpus kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
