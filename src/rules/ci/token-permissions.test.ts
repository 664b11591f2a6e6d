import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { tokenPermissions } from './token-permissions.js';

const lint = (text: string, file = '.github/workflows/ci.yml') => lintText(text, file, 'ci', { rules: [tokenPermissions] }).findings;

const JOBS = 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n';

describe('ci/token-permissions', () => {
  it.each([
    ['read-only top-level permissions', `on: push\npermissions:\n  contents: read\n${JOBS}`],
    ['an empty permissions map', `on: push\npermissions: {}\n${JOBS}`],
    ['read-all', `on: push\npermissions: read-all\n${JOBS}`],
    ['every job with its own permissions', 'on: push\njobs:\n  a:\n    permissions:\n      contents: read\n    steps:\n      - run: "true"\n'],
    ['a GitLab pipeline', 'test:\n  script:\n    - npm test\n'],
  ])('passes %s', (_name, text) => {
    expect(lint(text, text.startsWith('test:') ? '.gitlab-ci.yml' : undefined)).toEqual([]);
  });

  it('flags missing top-level permissions at the start of the workflow', () => {
    const findings = lint(`# CI\nname: ci\non: push\n${JOBS}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/token-permissions', line: 2, column: 1, severity: 'warning', item: 'pipeline.runners' });
    expect(findings[0]?.message).toContain("`test` runs with the repository's default token");
  });

  it('flags write-all at its line', () => {
    const findings = lint(`on: push\npermissions: write-all\n${JOBS}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 2, column: 1, message: expect.stringContaining('`permissions: write-all`') });
  });

  it('flags a job with write-all even under read-only defaults', () => {
    const findings = lint('on: push\npermissions: {}\njobs:\n  release:\n    permissions: write-all\n    steps:\n      - run: "true"\n');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 5, message: 'job `release` sets `permissions: write-all`' });
  });
});
