/**
 * `workflow_run` starts a privileged workflow after another one finishes, often one that ran on
 * a fork's pull request. It runs with the repository's secrets and, unless its permissions say
 * otherwise, a token that can write; checking out the triggering run's head commit there runs a
 * stranger's code with both: the same hole as `pull_request_target`. A job whose token is read
 * only is reported as a warning: the secrets are still in reach.
 */
import { actionName } from '../../analysis/ciImageSteps.js';
import { jobTokenAccess, workflowTriggers } from '../../analysis/ciTriggers.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { CiWorkflowRule, RuleHit } from '../types.js';

/** Expressions that name the triggering run's (possibly untrusted) code. */
const RUN_HEAD = /github\.event\.workflow_run\.(?:head_sha|head_branch|head_commit\.id|head_repository\.(?:full_name|clone_url)|pull_requests\[\d+\]\.head\.(?:sha|ref))/;

export const workflowRunCheckout: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/workflow-run-checkout',
    severity: 'error',
    title: 'workflow_run checks out the triggering run\'s code',
    passTitle: 'workflow_run jobs do not run the triggering run\'s code with write access',
    why:
      'A `workflow_run` workflow is how a privileged step reacts to an unprivileged one: the first workflow builds ' +
      'a fork\'s pull request without secrets, the second one publishes or comments with them. If the second one ' +
      'checks out `github.event.workflow_run.head_sha` and builds or runs anything from it, the fork\'s code runs ' +
      'with your secrets and a token that may push, exactly the "pwn request" of `pull_request_target`.',
    fix:
      'Never check out or execute the triggering run\'s code in a `workflow_run` workflow: download its artifacts ' +
      'and treat them as untrusted data. Give the job `permissions: {contents: read}` (plus only the one write it ' +
      'needs, such as `pull-requests: write` to comment) so a mistake cannot push.',
    item: 'pipeline.runners',
    references: ['zizmor:dangerous-triggers'],
  },
  check(model) {
    const root = asRecord(model.document.value);
    if (model.flavour !== 'github' || !workflowTriggers(root).includes('workflow_run')) return [];
    const hits: RuleHit[] = [];
    for (const command of model.commands) {
      let position: { line: number; column: number } | undefined;
      let what = '';
      if (command.kind === 'uses' && actionName(command) === 'actions/checkout') {
        const input = ['ref', 'repository'].find((key) => typeof command.with[key] === 'string' && RUN_HEAD.test(command.with[key]));
        if (input === undefined) continue;
        position = model.document.positionOf([...command.stepPath, 'with', input]);
        what = `actions/checkout \`${input}: ${String(command.with[input])}\``;
      } else if (command.kind === 'run' && /\b(?:git\s+(?:checkout|fetch|switch|reset)|gh\s+pr\s+checkout)\b/.test(command.text) && RUN_HEAD.test(command.text)) {
        position = model.document.positionOf(command.path);
        what = 'this step';
      } else continue;
      const access = jobTokenAccess(root, command.job);
      const token = access === 'read'
        ? 'its token is read-only, but the repository\'s secrets are still in reach'
        : access === 'write' ? 'with a token that can write' : 'with the repository\'s default token permissions (write on many repositories)';
      hits.push({ ...position, ...(access === 'read' ? { severity: 'warning' as const } : {}), message: `${what} checks out the triggering run's head commit in a workflow_run workflow, ${token}` });
    }
    return hits;
  },
};
