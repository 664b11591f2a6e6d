/**
 * `shipshape lint` as a user runs it on their own files: discovery by name and content, the
 * three output formats (SARIF validated against the official 2.1.0 schema), exit codes, and
 * parse errors reported as findings while the other files are still checked.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/lint/discoverFiles.js';
import { lintSources, summarize } from '../../src/lint/lintSources.js';
import { lintToSarif } from '../../src/report/lintReports.js';
import { runCli } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;
// The official SARIF 2.1.0 schema is JSON Schema draft-04, which needs Ajv's draft-04 build.
const Ajv = (require('ajv-draft-04') as { default: typeof import('ajv-draft-04').default }).default;

const root = mkdtempSync(path.join(os.tmpdir(), 'shipshape-lint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function project(name: string, files: Record<string, string>): string {
  const dir = path.join(root, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

const app = project('app', {
  'Dockerfile': 'FROM busybox:1.36.1\nCMD ["httpd", "-f"]\n',
  'api.Dockerfile': 'FROM busybox:1.36.1\nUSER 10001\n',
  'deploy/compose.yaml': 'services:\n  web:\n    image: busybox:1.36.1\n    privileged: true\n',
  'deploy/k8s/pod.yml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: web\n      image: busybox:1.36.1\n',
  'deploy/values.yaml': 'replicas: 3\n',
  'broken/Dockerfile': 'FROM busybox\nRUN <<EOF\nnever closed\n',
  'node_modules/pkg/Dockerfile': 'FROM busybox\n',
  'README.md': '# not linted\n',
});

describe('discoverFiles', () => {
  it('recognises files by name and YAML by content, skipping node_modules and non-config YAML', async () => {
    const found = (await discoverFiles([app], app)).sources.map((s) => [s.file, s.kind]);
    expect(found).toEqual(expect.arrayContaining([
      ['Dockerfile', 'dockerfile'],
      ['api.Dockerfile', 'dockerfile'],
      ['deploy/compose.yaml', 'compose'],
      ['deploy/k8s/pod.yml', 'kubernetes'],
      ['broken/Dockerfile', 'dockerfile'],
    ]));
    expect(found.map(([file]) => file)).not.toContain('deploy/values.yaml');
    expect(found.map(([file]) => file).some((file) => file?.includes('node_modules'))).toBe(false);
  });

  it('does not follow a symlinked folder that leads out of the tree', async () => {
    const dir = project('linked', { 'Dockerfile': 'FROM busybox:1.36.1\nUSER 1\n' });
    symlinkSync(app, path.join(dir, 'elsewhere'));
    expect((await discoverFiles([dir], dir)).sources.map((s) => s.file)).toEqual(['Dockerfile']);
  });

  it('reports missing paths', async () => {
    expect((await discoverFiles(['nope'], root)).missing).toEqual(['nope']);
  });
});

const { results, rules } = await lintSources((await discoverFiles([app], app)).sources);

describe('lint output', () => {

  it('reports a parse error as a finding and still checks the other files', () => {
    const broken = results.find((r) => r.file === 'broken/Dockerfile');
    expect(broken?.findings).toEqual([expect.objectContaining({ rule: 'parse-error', line: 2, severity: 'error' })]);
    expect(results.find((r) => r.file === 'Dockerfile')?.findings).toContainEqual(expect.objectContaining({ rule: 'dockerfile/no-root-user', line: 1 }));
    expect(summarize(results).errors).toBeGreaterThanOrEqual(2);
  });

  it('produces SARIF 2.1.0 that validates against the official schema', () => {
    // As the CLI runs it from a subfolder of the repository: paths relative to %SRCROOT%.
    const sarif = lintToSarif(results, rules, '0.0.0-test', { cwd: app, srcRoot: root });
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false, logger: false });
    const validate = ajv.compile(sarifSchema);
    const valid = validate(sarif);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const run = sarif.runs[0];
    expect(run?.results?.length).toBe(results.flatMap((r) => r.findings).length);
    const rootUser = run?.results?.find((r) => r.ruleId === 'dockerfile/no-root-user');
    expect(rootUser?.locations?.[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'app/Dockerfile', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1 } });
    expect(run?.tool.driver.rules?.[rootUser?.ruleIndex ?? -1]?.id).toBe('dockerfile/no-root-user');
  });
});

describe('shipshape lint', () => {
  it('exits 1 with findings grouped under their file when there is an error', async () => {
    const result = await runCli(['lint', app]);
    expect(result.code).toBe(1);
    const blocks = result.stdout.split('\n\n');
    const block = (suffix: string) => blocks.find((b) => (b.split('\n')[0] ?? '').endsWith(suffix)) ?? '';
    expect(block('/app/Dockerfile')).toMatch(/^ {2}1:1 +error +.*\[dockerfile\/no-root-user\]$/m);
    expect(block('/broken/Dockerfile')).toMatch(/^ {2}2:1 +error +heredoc/m);
    expect(result.stdout).toMatch(/\d+ errors?, \d+ warnings?, \d+ info in 5 files/);
  });

  it('exits 0 when nothing is an error', async () => {
    const dir = project('clean', { 'Dockerfile': 'FROM busybox:1.36.1@sha256:' + 'a'.repeat(64) + '\nUSER 10001:10001\nHEALTHCHECK CMD wget -qO- http://localhost:8080/ || exit 1\nEXPOSE 8080\nCMD ["httpd", "-f", "-p", "8080"]\n' });
    const result = await runCli(['lint', '--format', 'json', dir]);
    const report = JSON.parse(result.stdout) as { results: { findings: { severity: string }[] }[] };
    expect(report.results.flatMap((r) => r.findings).filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.code).toBe(0);
  });

  it('prints the documented JSON shape', async () => {
    const result = await runCli(['lint', '--format', 'json', path.join(app, 'Dockerfile')]);
    const report = JSON.parse(result.stdout) as { version: number; results: { file: string; findings: Record<string, unknown>[] }[] };
    expect(report.version).toBe(1);
    const finding = report.results[0]?.findings.find((f) => f.rule === 'dockerfile/no-root-user');
    expect(Object.keys(finding ?? {}).sort()).toEqual(['column', 'fix', 'item', 'line', 'message', 'references', 'rule', 'severity', 'why']);
  });

  it('honours an inline suppression with a reason', async () => {
    const dir = project('suppressed', { 'Dockerfile': 'FROM busybox:1.36.1\n# shipshape-ignore dockerfile/no-root-user -- runs a one-shot root migration\nUSER root\n' });
    const result = await runCli(['lint', '--format', 'json', dir]);
    const report = JSON.parse(result.stdout) as { results: { findings: { rule: string }[] }[] };
    expect(report.results[0]?.findings.map((f) => f.rule)).not.toContain('dockerfile/no-root-user');
  });

  it.each([
    [['lint'], /name at least one file or folder/],
    [['lint', '--format', 'xml', '.'], /--format must be text, json, sarif, github or gitlab/],
    [['lint', '/no/such/path'], /no such file or folder/],
    [['lint', '--profile', 'pss-nonsense', '.'], /unknown profile "pss-nonsense"/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const result = await runCli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
