/**
 * GitHub Actions workflows say what the GITHUB_TOKEN may do. No top-level `permissions` leaves
 * jobs with the repository default (read-write for many repositories); `write-all` is that
 * on purpose. GitLab has no equivalent field, so only GitHub workflows are checked.
 */
import type { CiWorkflowModel } from '../../parse/ciWorkflow.js';
import { asRecord } from '../../parse/yamlSource.js';
import type { CiWorkflowRule, RuleHit } from '../types.js';

export const tokenPermissions: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/token-permissions',
    severity: 'warning',
    title: 'The workflow token has broad permissions',
    passTitle: 'The workflow token has narrow permissions',
    why:
      'Every step of a job, including third-party actions and the build scripts of your dependencies, can read ' +
      'the GITHUB_TOKEN. With write access to contents, packages and workflows, one compromised action pushes a ' +
      'commit to main, overwrites release images in GHCR or plants a workflow that exfiltrates secrets. Least ' +
      'privilege on the token limits that to what the job really needs.',
    fix:
      'Set `permissions: contents: read` at the top of the workflow and grant more per job only where needed ' +
      '(`packages: write` for the job that pushes an image, `id-token: write` for keyless signing).',
    item: 'pipeline.runners',
    references: ['checkov:CKV2_GHA_1', 'zizmor:excessive-permissions'],
  },
  check(model) {
    if (model.flavour !== 'github') return [];
    const root = asRecord(model.document.value);
    const hits: RuleHit[] = [];
    if (root.permissions === 'write-all') {
      hits.push({ ...model.document.positionOf(['permissions']), message: '`permissions: write-all` gives every job a token that can write to everything' });
    } else if (root.permissions === undefined && jobsWithoutPermissions(model).length > 0) {
      const jobs = jobsWithoutPermissions(model);
      hits.push({
        ...model.document.positionOf([]),
        message: `no top-level \`permissions\`, so ${jobs.map((job) => `\`${job}\``).join(', ')} ${jobs.length === 1 ? 'runs' : 'run'} with the repository's default token`,
      });
    }
    for (const [job, spec] of Object.entries(asRecord(root.jobs))) {
      if (asRecord(spec).permissions === 'write-all') {
        hits.push({ ...model.document.positionOf(['jobs', job, 'permissions']), message: `job \`${job}\` sets \`permissions: write-all\`` });
      }
    }
    return hits;
  },
};

function jobsWithoutPermissions(model: CiWorkflowModel): string[] {
  return Object.entries(asRecord(asRecord(model.document.value).jobs))
    .filter(([, spec]) => asRecord(spec).permissions === undefined)
    .map(([job]) => job);
}
