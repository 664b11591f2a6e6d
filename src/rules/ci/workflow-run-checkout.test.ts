import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { workflowRunCheckout } from './workflow-run-checkout.js';

const lint = (text: string) => lintText(text, '.github/workflows/publish.yml', 'ci', { rules: [workflowRunCheckout] }).findings;

const workflow = ({ on = 'workflow_run:\n    workflows: [ci]\n    types: [completed]', permissions = '', jobPermissions = '', steps }: { on?: string; permissions?: string; jobPermissions?: string; steps: string }) =>
  `on:\n  ${on}\n${permissions}jobs:\n  publish:\n    runs-on: ubuntu-latest\n${jobPermissions}    steps:\n${steps}`;
const CHECKOUT_HEAD = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n      - run: npm ci && npm run deploy\n';

describe('ci/workflow-run-checkout', () => {
  it.each([
    ['a workflow_run job that only downloads artifacts', workflow({ steps: '      - uses: actions/download-artifact@v4\n        with: {name: report, run-id: "${{ github.event.workflow_run.id }}"}\n' })],
    ['a workflow_run job checking out the default branch', workflow({ steps: '      - uses: actions/checkout@v4\n      - run: ./comment.sh\n' })],
    ['a push workflow using the same expression', workflow({ on: 'push: {branches: [main]}', steps: CHECKOUT_HEAD })],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['default permissions', workflow({ steps: CHECKOUT_HEAD }), 'error', 'default token permissions'],
    ['write permissions on the workflow', workflow({ permissions: 'permissions: write-all\n', steps: CHECKOUT_HEAD }), 'error', 'can write'],
    ['a job-level write that overrides a read-only workflow', workflow({ permissions: 'permissions: {contents: read}\n', jobPermissions: '    permissions: {contents: write}\n', steps: CHECKOUT_HEAD }), 'error', 'can write'],
    ['a read-only token (secrets still in reach)', workflow({ permissions: 'permissions: {contents: read}\n', steps: CHECKOUT_HEAD }), 'warning', 'read-only'],
    ['the head branch of the triggering pull request', workflow({ steps: '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.workflow_run.pull_requests[0].head.sha }}\n' }), 'error', 'head commit'],
    ['git fetch in a run step', workflow({ steps: '      - run: git fetch origin ${{ github.event.workflow_run.head_sha }} && git checkout FETCH_HEAD\n' }), 'error', 'this step'],
  ])('flags %s', (_name, text, severity, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/workflow-run-checkout', severity, item: 'pipeline.runners' });
    expect(findings[0]?.message).toContain(message);
  });
});
