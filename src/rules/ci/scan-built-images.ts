/**
 * A pipeline that builds an image also scans it: trivy, grype, docker scout cves, snyk container
 * test, or their GitHub Actions. Without one, known-vulnerable packages ship unnoticed.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiCommand } from '../../parse/ciWorkflow.js';
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
  check(model) {
    const steps = imageSteps(model);
    const firstBuild = steps.builds[0];
    if (!firstBuild) return [];
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
