/**
 * A pipeline that builds an image also scans it: trivy, grype, docker scout cves, snyk container
 * test, or their GitHub Actions, GitLab's container-scanning template, or a reusable workflow of
 * the same run that does. Without one, known-vulnerable packages ship unnoticed.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiCommand, CiWorkflowModel } from '../../parse/ciWorkflow.js';
import { asRecord } from '../../parse/yamlSource.js';
import { normalizeRunPath, type RunContext } from '../runContext.js';
import type { CiWorkflowRule } from '../types.js';

export const scanBuiltImages: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/scan-built-images',
    severity: 'warning',
    title: 'Images are built but never scanned',
    passTitle: 'Built images are scanned',
    why:
      'A base image that was clean when you wrote the Dockerfile collects published vulnerabilities every week, ' +
      'and attackers scan the internet for exactly those: an unpatched OpenSSL or a library with a known remote ' +
      'code execution is the easy way into a container. A scanner in the pipeline is the cheapest moment to notice, ' +
      'before the image reaches a registry or a cluster.',
    fix:
      'Scan every image you build and fail on critical findings, e.g. a step ' +
      '`trivy image --exit-code 1 --severity CRITICAL,HIGH myapp:${{ github.sha }}`, or ' +
      '`aquasecurity/trivy-action` with `exit-code: \'1\'` and `severity: CRITICAL,HIGH`. Rebuild regularly so fixed bases are picked up.',
    item: 'image.scanning',
    references: [],
  },
  check(model, context) {
    const steps = imageSteps(model);
    const firstBuild = steps.builds[0];
    if (!firstBuild) return [];
    // A scan may live outside this file's steps: GitLab's own container-scanning template, or
    // a reusable workflow of the same run that a job calls. Its order against the push then
    // depends on `needs:`, which is not judged here.
    if (steps.scanners.length === 0 && (includesGitlabContainerScanning(model) || callsScanningWorkflow(model, context.run))) return [];
    if (steps.scanners.length === 0) {
      const at = model.document.positionOf(firstBuild.command.path);
      return [{ ...at, message: `\`${firstBuild.summary}\` builds an image, but no step scans it (trivy, grype, docker scout cves, snyk container test)` }];
    }
    // A scan that only runs after the push, in the same job, gates nothing: the image is
    // already in the registry when it fails. (Across jobs the order depends on `needs:`.)
    const order = (command: CiCommand) => model.commands.indexOf(command);
    const firstPush = steps.pushes[0];
    const sameJob = firstPush ? steps.scanners.filter((scan) => scan.command.job === firstPush.command.job) : [];
    if (firstPush && sameJob.length > 0 && sameJob.length === steps.scanners.length && sameJob.every((scan) => order(scan.command) > order(firstPush.command))) {
      const at = model.document.positionOf(firstPush.command.path);
      return [{ ...at, message: `\`${firstPush.summary}\` pushes the image before any scan runs, so a failing scan no longer stops a vulnerable image from reaching the registry` }];
    }
    return [];
  },
};

/** GitLab's container scanning (Trivy underneath), pulled in with `include: template:`. */
function includesGitlabContainerScanning(model: CiWorkflowModel): boolean {
  if (model.flavour !== 'gitlab') return false;
  const include = asRecord(model.document.value).include;
  const entries = Array.isArray(include) ? include : include === undefined ? [] : [include];
  return entries.some((entry) => {
    const named = typeof entry === 'string' ? entry : asRecord(entry).template;
    return typeof named === 'string' && /(?:^|\/)Container-Scanning(?:\.latest)?\.gitlab-ci\.yml$/.test(named);
  });
}

/** A job that calls a reusable workflow of the same repository (`uses: ./.github/workflows/scan.yml`) that scans. */
function callsScanningWorkflow(model: CiWorkflowModel, run: RunContext | undefined): boolean {
  if (model.flavour !== 'github' || !run) return false;
  // Local reusable workflows are named from the repository root, which holds `.github/workflows/`.
  const marker = model.file.replace(/\\/g, '/').lastIndexOf('.github/workflows/');
  if (marker < 0) return false;
  const root = model.file.slice(0, marker);
  return Object.values(asRecord(asRecord(model.document.value).jobs)).some((job) => {
    const uses = asRecord(job).uses;
    if (typeof uses !== 'string' || !uses.startsWith('./')) return false;
    const called = run.ciWorkflows.get(normalizeRunPath(`${root}${uses.slice(2).replace(/@.*$/, '')}`));
    return called !== undefined && called !== model && imageSteps(called).scanners.length > 0;
  });
}
