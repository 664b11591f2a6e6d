import { describe, expect, it } from 'vitest';
import type { LintResult } from '../rules/lintCore.js';
import type { Finding } from '../rules/types.js';
import { escapeGithubData, escapeGithubProperty, lintToGithub, lintToGitlab, lintToSarif, lintToText } from './lintReports.js';

const finding = (overrides: Partial<Finding>): Finding => ({
  rule: 'dockerfile/no-root-user', severity: 'error', file: 'app/Dockerfile', line: 3, column: 1, message: 'runs as root',
  title: 'The image runs as root', why: 'why', fix: 'add USER 10001', item: 'runtime.non-root', references: [], ...overrides,
});
const results: LintResult[] = [
  { file: 'app/Dockerfile', kind: 'dockerfile', findings: [finding({}), finding({ rule: 'dockerfile/no-sudo', severity: 'warning', line: 5, message: 'uses sudo: 100%, really,\nreally' })] },
  { file: 'k8s/web.yaml', kind: 'kubernetes', findings: [finding({ rule: 'kubernetes/network-policy-present', severity: 'info', file: 'k8s/web.yaml', line: 1, message: 'no policy' })] },
];
const summary = { files: 2, errors: 1, warnings: 1, infos: 1 };
// The user runs shipshape from the repository's `services/` folder.
const paths = { cwd: '/repo/services', srcRoot: '/repo' };

describe('lint reports', () => {
  it('groups text per file', () => {
    const text = lintToText(results, summary);
    expect(text.split('\n\n')[0]?.split('\n')[0]).toBe('app/Dockerfile');
    expect(text).toMatch(/^ {2}3:1 +error +runs as root {2}\[dockerfile\/no-root-user\]$/m);
    expect(text).toMatch(/^k8s\/web\.yaml$/m);
    expect(text.trimEnd().split('\n').at(-1)).toBe('1 error, 1 warning, 1 info in 2 files');
  });

  it('escapes GitHub workflow commands', () => {
    expect(escapeGithubData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeGithubProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('writes GitHub annotations with repository-relative paths', () => {
    const lines = lintToGithub(results, summary, paths).split('\n');
    expect(lines[0]).toBe('::error file=services/app/Dockerfile,line=3,col=1,title=dockerfile/no-root-user%3A The image runs as root::runs as root%0Afix: add USER 10001');
    expect(lines[1]).toMatch(/^::warning file=services\/app\/Dockerfile,line=5,col=1,title=[^:]+::uses sudo: 100%25, really,%0Areally%0Afix/);
    expect(lines[2]).toMatch(/^::notice file=services\/k8s\/web\.yaml,/);
  });

  it('writes GitLab Code Quality issues with stable fingerprints', () => {
    const digest = (text: string) => `h(${text.replace(/\u0000/g, '|')})`;
    const issues = lintToGitlab(results, paths, digest);
    expect(issues[0]).toEqual({
      description: 'runs as root (fix: add USER 10001)',
      check_name: 'dockerfile/no-root-user',
      fingerprint: 'h(dockerfile/no-root-user|services/app/Dockerfile|runs as root|1)',
      severity: 'major',
      location: { path: 'services/app/Dockerfile', lines: { begin: 3 } },
    });
    expect(issues.map((issue) => issue.severity)).toEqual(['major', 'minor', 'info']);
    // The fingerprint does not depend on the line: moving code keeps it.
    const moved = lintToGitlab([{ ...results[0] as LintResult, findings: [finding({ line: 40 })] }], paths, digest);
    expect(moved[0]?.fingerprint).toBe(issues[0]?.fingerprint);
    // Two equal findings in one file still get distinct fingerprints.
    const twice = lintToGitlab([{ ...results[0] as LintResult, findings: [finding({}), finding({ line: 9 })] }], paths, digest);
    expect(new Set(twice.map((issue) => issue.fingerprint)).size).toBe(2);
  });

  it('locates SARIF results relative to %SRCROOT%', () => {
    const run = lintToSarif(results, [], '0.0.0', paths).runs[0];
    expect(run?.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///repo/' } });
    expect(run?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'services/app/Dockerfile', uriBaseId: '%SRCROOT%' });
  });

  it('gives a file outside the repository an absolute file URI', () => {
    const outside: LintResult[] = [{ file: '/etc/app/Dockerfile', kind: 'dockerfile', findings: [finding({ file: '/etc/app/Dockerfile' })] }];
    expect(lintToSarif(outside, [], '0.0.0', paths).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: 'file:///etc/app/Dockerfile' });
  });
});
