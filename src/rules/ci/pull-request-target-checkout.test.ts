import { describe, expect, it } from 'vitest';
import { lintText } from '../engine.js';
import { pullRequestTargetCheckout } from './pull-request-target-checkout.js';

const lint = (text: string) => lintText(text, '.github/workflows/pr.yml', 'ci', { rules: [pullRequestTargetCheckout] }).findings;

const workflow = (on: string, steps: string) => `on: ${on}\npermissions: {}\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n${steps}`;
const CHECKOUT_HEAD = '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n      - run: npm ci && npm test\n';

describe('ci/pull-request-target-checkout', () => {
  it.each([
    ['pull_request with a head checkout', workflow('pull_request', CHECKOUT_HEAD)],
    ['pull_request_target checking out the base', workflow('pull_request_target', '      - uses: actions/checkout@v4\n      - run: ./label.sh\n')],
    ['pull_request_target without any checkout', workflow('[pull_request_target]', '      - uses: actions/labeler@v5\n')],
  ])('passes %s', (_name, text) => {
    expect(lint(text)).toEqual([]);
  });

  it.each([
    ['head.sha', workflow('pull_request_target', CHECKOUT_HEAD), 9, 'ref: ${{ github.event.pull_request.head.sha }}'],
    ['head.ref in a trigger list', workflow('[push, pull_request_target]', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.ref }}\n'), 9, 'head.ref'],
    ['the trigger as a map', 'on:\n  pull_request_target:\n    types: [opened]\npermissions: {}\njobs:\n  b:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.head_ref }}\n', 10, 'github.head_ref'],
    ['the fork repository', workflow('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          repository: ${{ github.event.pull_request.head.repo.full_name }}\n'), 9, 'repository:'],
    ['gh pr checkout in a run step', workflow('pull_request_target', '      - run: gh pr checkout ${{ github.event.number }}\n'), 7, 'this step checks out'],
    ['the test merge commit', workflow('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.merge_commit_sha }}\n'), 9, 'merge_commit_sha'],
    ['the merge ref', workflow('pull_request_target', '      - uses: actions/checkout@v4\n        with:\n          ref: refs/pull/${{ github.event.pull_request.number }}/merge\n'), 9, '/merge'],
    ['a fetch of pull/N/head in a run step', workflow('pull_request_target', '      - uses: actions/checkout@v4\n      - run: git fetch origin pull/${{ github.event.number }}/head:pr && git checkout pr && make test\n'), 8, 'this step checks out'],
  ])('flags %s', (_name, text, line, message) => {
    const findings = lint(text);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'ci/pull-request-target-checkout', line, severity: 'error', item: 'pipeline.runners' });
    expect(findings[0]?.message).toContain(message);
  });
});
