/**
 * `shipshape lint` configured and fed as CI uses it: `.shipshape.yaml` found upward, `--config`,
 * `--exclude`, `--fail-on`, `--print-config`, standard input with `--stdin-filename`, and the CI
 * formats, end to end through the built CLI.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LINT_FORMATS } from '../../src/cli/commands/lint.js';
import { binPath } from '../helpers/cli.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'shipshape-lint-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function repo(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, '.git'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

function lint(args: string[], cwd: string, stdin?: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, 'lint', ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(stdin ?? '');
  });
}

type Report = { results: { file: string; findings: { rule: string; severity: string }[] }[] };
const rulesOf = (stdout: string) => (JSON.parse(stdout) as Report).results.flatMap((r) => r.findings.map((f) => `${r.file} ${f.rule} ${f.severity}`));

const rootDockerfile = 'FROM busybox:1.36.1\nUSER root\n';
const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: busybox:1.36.1\n';

describe('shipshape lint configuration', () => {
  const dir = repo('configured', {
    '.shipshape.yaml': 'exclude: [generated/]\nrules:\n  dockerfile/no-root-user: warning\n  dockerfile/missing-healthcheck: off\ntrustedRegistries: [registry.example.com/]\n',
    'services/api/Dockerfile': 'FROM registry.example.com/base/node:20.11.1\nUSER root\n',
    'generated/Dockerfile': rootDockerfile,
  });

  it('finds .shipshape.yaml upward from the path and applies it', async () => {
    const result = await lint(['--format', 'json', 'services/api'], dir);
    const rules = rulesOf(result.stdout);
    expect(rules).toContain('services/api/Dockerfile dockerfile/no-root-user warning');
    expect(rules.some((r) => r.includes('missing-healthcheck'))).toBe(false);
    expect(rules.some((r) => r.includes('trusted-base-image'))).toBe(false);
    expect(result.code).toBe(0);
  });

  it('excludes with gitignore-style patterns, from the file and from --exclude', async () => {
    const all = rulesOf((await lint(['--format', 'json', '.'], dir)).stdout);
    expect(all.some((r) => r.startsWith('generated/'))).toBe(false);
    const cli = rulesOf((await lint(['--format', 'json', '--exclude', 'services/**/Dockerfile', '.'], dir)).stdout);
    expect(cli.some((r) => r.startsWith('services/'))).toBe(false);
  });

  it('fails on warnings with --fail-on warning', async () => {
    expect((await lint(['--fail-on', 'warning', 'services'], dir)).code).toBe(1);
  });

  it('prints the configuration that applies', async () => {
    const result = await lint(['--print-config', 'services'], dir);
    expect(JSON.parse(result.stdout)).toEqual([expect.objectContaining({ path: 'services', configFile: path.join(dir, '.shipshape.yaml'), exclude: ['generated/'], failOn: 'error' })]);
    expect(result.code).toBe(0);
  });

  it('uses --config instead of the nearest file', async () => {
    writeFileSync(path.join(root, 'strict.yaml'), 'rules:\n  dockerfile/no-root-user: error\n');
    const result = await lint(['--format', 'json', '--config', path.join(root, 'strict.yaml'), 'services'], dir);
    expect(rulesOf(result.stdout)).toContain('services/api/Dockerfile dockerfile/no-root-user error');
  });

  it('refuses an --exclude pattern too long to be a path glob, exit 2 without an internal error', async () => {
    const dir = repo('long-exclude', { Dockerfile: 'FROM busybox:1.36.1\n' });
    const result = await lint(['--exclude', 'a*'.repeat(20_000), '.'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--exclude patterns are at most 1024 characters');
    expect(result.stderr).not.toContain('internal error');
  });

  it('reports a configuration mistake with file and line, exit 2', async () => {
    const broken = repo('broken-config', { '.shipshape.yaml': 'rules:\n  dockerfile/no-root-user: loud\n', 'Dockerfile': rootDockerfile });
    const result = await lint(['.'], broken);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/\.shipshape\.yaml:2:\d+: .*rules\.dockerfile\/no-root-user/);
  });
});

describe('shipshape lint on hostile file names', () => {
  it('shows control characters in names instead of sending them, in text and github output', async () => {
    const dir = repo('hostile-names', {
      'd\u001b]0;TITLE\u0007\u001b[31m/Dockerfile': 'FROM busybox\n',
      'd1\n::error file=evil.js,line=1::INJECTED/Dockerfile': 'FROM busybox\n',
    });
    for (const format of ['text', 'github']) {
      const run = await lint(['--format', format, '.'], dir);
      expect(run.code).toBe(1);
      expect(run.stdout + run.stderr).not.toContain('\u001b');
      expect(run.stdout + run.stderr).not.toContain('\u0007');
      expect(run.stdout.split('\n').some((line) => line.startsWith('::error file=evil.js'))).toBe(false);
      expect(run.stdout).toContain('d\\x1b]0;TITLE\\x07');
    }
  });
});

describe('shipshape lint from standard input', () => {
  const dir = repo('stdin', {});

  it('lints rendered manifests named with --stdin-filename', async () => {
    const result = await lint(['--format', 'json', '--stdin-filename', 'chart.yaml', '-'], dir, `---\n# Source: chart/templates/pod.yaml\n${pod}`);
    expect(rulesOf(result.stdout)).toContain('chart.yaml kubernetes/run-as-non-root error');
    expect(result.code).toBe(1);
  });

  it('recognises what arrives without a name (kustomize build | shipshape lint -)', async () => {
    const yaml = rulesOf((await lint(['--format', 'json', '-'], dir, pod)).stdout);
    expect(yaml).toContain('<stdin> kubernetes/run-as-non-root error');
    const dockerfile = rulesOf((await lint(['--format', 'json', '-'], dir, rootDockerfile)).stdout);
    expect(dockerfile).toContain('<stdin> dockerfile/no-root-user error');
  });

  it('reports an unrendered template on stdin once, as info', async () => {
    const result = await lint(['--format', 'json', '--stdin-filename', 'templates/pod.yaml', '-'], dir, 'metadata:\n  name: {{ .Release.Name }}\n');
    expect(rulesOf(result.stdout)).toEqual(['templates/pod.yaml input/template info']);
    expect(result.code).toBe(0);
  });
});

describe('shipshape lint CI formats', () => {
  const dir = repo('ci', { 'deploy/Dockerfile': rootDockerfile });

  it('--format github prints workflow annotations with repository-relative paths', async () => {
    const result = await lint(['--format', 'github', 'Dockerfile'], path.join(dir, 'deploy'));
    expect(result.stdout).toMatch(/^::error file=deploy\/Dockerfile,line=2,col=1,title=dockerfile\/no-root-user%3A [^:]+::/m);
    expect(result.code).toBe(1);
  });

  it('--format gitlab prints Code Quality JSON with stable fingerprints', async () => {
    const first = JSON.parse((await lint(['--format', 'gitlab', '.'], dir)).stdout) as { fingerprint: string; check_name: string; location: { path: string } }[];
    const second = JSON.parse((await lint(['--format', 'gitlab', '.'], dir)).stdout) as typeof first;
    expect(first.find((issue) => issue.check_name === 'dockerfile/no-root-user')?.location.path).toBe('deploy/Dockerfile');
    expect(first.map((issue) => issue.fingerprint)).toEqual(second.map((issue) => issue.fingerprint));
    expect(first[0]?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--format sarif locates results from %SRCROOT%', async () => {
    const sarif = JSON.parse((await lint(['--format', 'sarif', 'Dockerfile'], path.join(dir, 'deploy'))).stdout) as { runs: { originalUriBaseIds: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: object } }[] }[] }[] };
    expect(sarif.runs[0]?.originalUriBaseIds['%SRCROOT%']?.uri).toBe(`file://${dir}/`);
    expect(sarif.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation).toEqual({ uri: 'deploy/Dockerfile', uriBaseId: '%SRCROOT%' });
  });
});

describe('shipshape lint as a program of its own (started from the code cache)', () => {
  const challenges = path.resolve(__dirname, '../../challenges');
  const fullCli = { SHIPSHAPE_CODE_CACHE: '0' };
  it('answers exactly as the full CLI does, in every format', async () => {
    expect(LINT_FORMATS.length).toBeGreaterThanOrEqual(5);
    for (const format of LINT_FORMATS) {
      const [cached, full] = await Promise.all([lint(['--format', format, challenges], root), lint(['--format', format, challenges], root, undefined, fullCli)]);
      expect(cached.code).toBe(1);
      expect(cached.stdout.length).toBeGreaterThan(1000);
      expect({ format, ...cached }).toEqual({ format, ...full });
    }
  });
  it('never starts Node\'s ES module loader (a quarter of a one-file lint above bare node)', async () => {
    // A preload reports the internal modules node loaded; ES modules are run by module_job.
    const report = path.join(root, 'loaded-modules.cjs');
    writeFileSync(report, "process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + process.moduleLoadList.join(',')));");
    const bundle = path.resolve(__dirname, '../../dist/bundle');
    const cachesBefore = new Set(readdirSync(bundle));
    try {
      const run = await lint([path.join(challenges, '04-runtime/01-non-root-dockerfile/broken/Dockerfile')], root, undefined, { NODE_OPTIONS: `--require ${report}` });
      const loaded = /LOADED (.*)$/.exec(run.stderr)?.[1]?.split(',') ?? [];
      expect(run.code).toBe(1);
      expect(loaded).toContain('NativeModule vm');
      expect(loaded.filter((name) => /esm\/module_job|internal\/fs\/promises|readline/.test(name))).toEqual([]);
    } finally {
      // Other node flags keep a code cache of their own: this test's is not left in the build.
      for (const name of readdirSync(bundle)) if (!cachesBefore.has(name) && name.endsWith('.v8cache')) rmSync(path.join(bundle, name), { force: true });
    }
  });
  it('says the same for help, wrong usage and missing paths', async () => {
    for (const args of [['--help'], [], ['--format', 'xml', '.'], ['no/such/file']]) {
      const [cached, full] = await Promise.all([lint(args, root), lint(args, root, undefined, fullCli)]);
      expect(cached.code).not.toBe(70);
      expect(cached).toEqual(full);
    }
  });
});
