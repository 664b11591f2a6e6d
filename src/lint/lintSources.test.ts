/**
 * The run-level context: verdicts that depend on another file of the same run.
 */
import { describe, expect, it } from 'vitest';
import type { LintSource } from './discoverFiles.js';
import { lintSources } from './lintSources.js';
import { recognizeYaml } from './recognizeYaml.js';

function yamlSource(file: string, text: string): LintSource {
  const recognized = recognizeYaml(text, file, 'yaml');
  if (!('yaml' in recognized)) throw new Error(`${file} was not recognised`);
  return { file, kind: recognized.kind, text, yaml: recognized.yaml, given: '.' };
}

const deployment = (namespace: string, account = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: ${namespace}
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
${account}      containers:
        - name: web
          image: busybox:1.36.1
`;
const denyAll = (namespace: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: deny-all
  namespace: ${namespace}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;

async function rulesFired(sources: LintSource[], rule: string) {
  const { results } = await lintSources(sources);
  return results.flatMap((r) => r.findings.filter((f) => f.rule === rule).map((f) => `${r.file}:${f.line}`));
}

describe('run-level context', () => {
  it('a NetworkPolicy in another file of the run covers the namespace', async () => {
    expect(await rulesFired([yamlSource('k8s/web.yaml', deployment('shop')), yamlSource('k8s/policies.yaml', denyAll('shop'))], 'kubernetes/network-policy-present')).toEqual([]);
  });

  it('a default-deny NetworkPolicy in another file of the run is the namespace\'s default deny', async () => {
    const sources = [yamlSource('k8s/web.yaml', deployment('shop')), yamlSource('k8s/policies.yaml', denyAll('shop'))];
    expect(await rulesFired(sources, 'kubernetes/network-policy-default-deny')).toEqual([]);
  });

  it('a default-deny in another file that leaves out Egress is reported once, at the workload it leaves open', async () => {
    const ingressOnly = denyAll('shop').replace('[Ingress, Egress]', '[Ingress]');
    const sources = [yamlSource('k8s/web.yaml', deployment('shop') + '---\n' + deployment('shop').replace('name: web', 'name: api')), yamlSource('k8s/policies.yaml', ingressOnly)];
    const { results } = await lintSources(sources);
    const findings = results.flatMap((r) => r.findings.filter((f) => f.rule === 'kubernetes/network-policy-default-deny').map((f) => `${r.file}:${f.line} ${f.message}`));
    expect(findings).toEqual([expect.stringMatching(/^k8s\/web\.yaml:1 NetworkPolicy\/deny-all, in another file of this run, .* but not Egress/)]);
  });

  it('a NetworkPolicy of another namespace does not', async () => {
    expect(await rulesFired([yamlSource('k8s/web.yaml', deployment('shop')), yamlSource('k8s/policies.yaml', denyAll('billing'))], 'kubernetes/network-policy-present')).toEqual(['k8s/web.yaml:1']);
  });

  it('reports the automount token once for a Deployment and its ServiceAccount in another file', async () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\n';
    const fired = await rulesFired([yamlSource('k8s/web.yaml', deployment('shop', '      serviceAccountName: web\n')), yamlSource('k8s/account.yaml', account)], 'kubernetes/no-automount-service-account-token');
    expect(fired).toEqual(['k8s/web.yaml:10']);
  });

  it('accepts the Deployment when its ServiceAccount in another file turns the token off', async () => {
    const account = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\nautomountServiceAccountToken: false\n';
    expect(await rulesFired([yamlSource('k8s/web.yaml', deployment('shop', '      serviceAccountName: web\n')), yamlSource('k8s/account.yaml', account)], 'kubernetes/no-automount-service-account-token')).toEqual([]);
  });

  it("judges a compose service built from a Dockerfile of the run by that Dockerfile's USER", async () => {
    const compose = 'services:\n  api:\n    build: ./api\n  worker:\n    build:\n      context: .\n      dockerfile: worker/Dockerfile\n  tools:\n    build:\n      context: ./api\n      target: debug\n';
    const sources: LintSource[] = [
      yamlSource('deploy/compose.yaml', compose),
      { file: 'deploy/api/Dockerfile', kind: 'dockerfile', text: 'FROM busybox:1.36.1 AS debug\nUSER root\nFROM busybox:1.36.1\nUSER 10001\n', given: '.' },
      { file: 'deploy/worker/Dockerfile', kind: 'dockerfile', text: 'FROM busybox:1.36.1\nRUN true\n', given: '.' },
    ];
    const { results } = await lintSources(sources);
    const messages = results.find((r) => r.file === 'deploy/compose.yaml')?.findings.filter((f) => f.rule === 'compose/no-root-user').map((f) => f.message) ?? [];
    expect(messages).toEqual([
      expect.stringMatching(/service worker .* deploy\/worker\/Dockerfile, whose final stage never sets USER/),
      expect.stringMatching(/service tools .* deploy\/api\/Dockerfile, whose stage debug sets `USER root`/),
    ]);
  });

  it('takes a compose service built on distroless :nonroot, with no USER, for the non-root user it runs as', async () => {
    const sources: LintSource[] = [
      yamlSource('deploy/compose.yaml', 'services:\n  api:\n    build: ./api\n'),
      { file: 'deploy/api/Dockerfile', kind: 'dockerfile', text: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n', given: '.' },
    ];
    const { results } = await lintSources(sources);
    const rootFindings = results.flatMap((r) => r.findings.filter((f) => f.rule === 'compose/no-root-user' || f.rule === 'dockerfile/no-root-user'));
    expect(rootFindings).toEqual([]);
  });

  it('takes a scan in a reusable workflow of the run, called by the building job\'s workflow, for a scan', async () => {
    const release = 'on: push\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n  scan:\n    needs: build\n    uses: ./.github/workflows/scan.yml\n';
    const scan = 'on: workflow_call\npermissions: {}\njobs:\n  trivy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: trivy image --exit-code 1 --severity CRITICAL app\n';
    const bothFiles = [yamlSource('.github/workflows/release.yml', release), yamlSource('.github/workflows/scan.yml', scan)];
    expect(await rulesFired(bothFiles, 'ci/scan-built-images')).toEqual([]);
    // Alone, or calling a workflow that scans nothing, the build is unscanned.
    expect(await rulesFired([bothFiles[0] as LintSource], 'ci/scan-built-images')).toEqual(['.github/workflows/release.yml:7']);
    expect(await rulesFired([bothFiles[0] as LintSource, yamlSource('.github/workflows/scan.yml', scan.replace('trivy image --exit-code 1 --severity CRITICAL app', 'echo hi'))], 'ci/scan-built-images')).toEqual(['.github/workflows/release.yml:7']);
  });

  it('a broken document costs only itself', async () => {
    const { results } = await lintSources([yamlSource('k8s/web.yaml', `${deployment('shop')}---\nkind: [\n---\n${denyAll('shop')}`)]);
    const rules = results[0]?.findings.map((f) => f.rule) ?? [];
    expect(rules).toContain('parse-error');
    expect(rules).toContain('kubernetes/run-as-non-root');
    expect(rules).not.toContain('kubernetes/network-policy-present');
  });

  it('applies per-rule severities and turns rules off', async () => {
    const { results } = await lintSources([yamlSource('k8s/web.yaml', deployment('shop'))], {
      severities: { 'kubernetes/network-policy-present': 'error', 'kubernetes/run-as-non-root': 'off' },
    });
    const findings = results[0]?.findings ?? [];
    expect(findings.find((f) => f.rule === 'kubernetes/network-policy-present')?.severity).toBe('error');
    expect(findings.map((f) => f.rule)).not.toContain('kubernetes/run-as-non-root');
  });
});

describe('a long run', () => {
  it('lets the event loop turn while it parses and lints, so a Ctrl-C is seen', async () => {
    // Node handles a signal only between turns of its loop: before, parsing and rules ran as one
    // synchronous stretch, and a SIGINT during a big repository's lint was never handled.
    const dockerfile = ['FROM node:20.11.1-alpine3.19 AS build', 'WORKDIR /app', 'COPY package.json ./', 'RUN npm ci', 'COPY . .', 'RUN npm run build', 'FROM gcr.io/distroless/nodejs20-debian12:nonroot', 'COPY --from=build /app/dist /app', 'CMD ["/app/server.js"]', ''].join('\n');
    const sources: LintSource[] = Array.from({ length: 4000 }, (_, i) => ({ file: `svc${i}/Dockerfile`, kind: 'dockerfile', text: dockerfile, given: '.' }));
    const ticks: number[] = [];
    const started = performance.now();
    const interval = setInterval(() => ticks.push(performance.now()), 5);
    try {
      await lintSources(sources);
    } finally {
      clearInterval(interval);
    }
    const ended = performance.now();
    const moments = [started, ...ticks.filter((tick) => tick <= ended), ended];
    const longestStretch = Math.max(...moments.slice(1).map((moment, index) => moment - (moments[index] as number)));
    expect(ended - started).toBeGreaterThan(150);
    expect(longestStretch).toBeLessThan((ended - started) / 2);
  });
});
