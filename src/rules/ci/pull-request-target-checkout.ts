/**
 * `pull_request_target` runs with the base repository's secrets and a write token; checking out
 * the pull request's head in it runs a stranger's code with both ("pwn request").
 */
import { actionName } from '../../analysis/ciImageSteps.js';
import { workflowTriggers } from '../../analysis/ciTriggers.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { CiWorkflowRule, RuleHit } from '../types.js';

/**
 * What names the pull request's own (untrusted) code: its head (sha, branch, fork), the test
 * merge GitHub makes of it (`merge_commit_sha`), and the refs `pull/<number>/head` and
 * `pull/<number>/merge`, both of which hold the fork's commits.
 */
const PR_HEAD = new RegExp(
  [
    String.raw`github\.event\.pull_request\.head\.(?:sha|ref|repo)`,
    String.raw`github\.head_ref`,
    String.raw`github\.event\.pull_request\.merge_commit_sha`,
    String.raw`\bpull/\$\{\{\s*github\.event\.(?:pull_request\.)?number\s*\}\}/(?:head|merge)\b`,
  ].join('|'),
);

export const pullRequestTargetCheckout: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/pull-request-target-checkout',
    severity: 'error',
    title: 'pull_request_target checks out the pull request\'s code',
    passTitle: "pull_request_target does not check out the pull request's code",
    why:
      '`pull_request_target` exists so that workflows on pull requests from forks can label or comment: it runs ' +
      'in the context of your repository, with its secrets and a token that can write. Checking out the PR head ' +
      'and then building, testing or even installing dependencies runs code that anyone on the internet can ' +
      'submit, with those secrets in reach: the attacker opens a pull request and walks away with your registry ' +
      'and cloud credentials, or pushes to your main branch.',
    fix:
      'Build and test untrusted code under `pull_request` (no secrets, read-only token). If a privileged step must ' +
      'react to the result, split it into a `workflow_run` workflow that only consumes artifacts, never checks ' +
      'out or executes the PR\'s code, and treats those artifacts as untrusted input.',
    item: 'pipeline.runners',
    references: ['zizmor:dangerous-triggers'],
  },
  check(model) {
    if (model.flavour !== 'github' || !workflowTriggers(asRecord(model.document.value)).includes('pull_request_target')) return [];
    const hits: RuleHit[] = [];
    for (const command of model.commands) {
      if (command.kind === 'uses' && actionName(command) === 'actions/checkout') {
        const input = ['ref', 'repository'].find((key) => typeof command.with[key] === 'string' && PR_HEAD.test(command.with[key]));
        if (input === undefined) continue;
        hits.push({
          ...model.document.positionOf([...command.stepPath, 'with', input]),
          message: `actions/checkout \`${input}: ${String(command.with[input])}\` checks out the pull request's code in a pull_request_target workflow`,
        });
      } else if (command.kind === 'run' && /\b(?:git\s+(?:checkout|fetch|switch)|gh\s+pr\s+checkout)\b/.test(command.text) && (PR_HEAD.test(command.text) || /\bgh\s+pr\s+checkout\b/.test(command.text))) {
        hits.push({ ...model.document.positionOf(command.path), message: 'this step checks out the pull request\'s code in a pull_request_target workflow' });
      }
    }
    return hits;
  },
};
