/**
 * A pipeline that builds an image also scans it: trivy, grype, docker scout cves, snyk container
 * test, or their GitHub Actions. Without one, known-vulnerable packages ship unnoticed.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiWorkflowRule } from '../types.js';

export const scanBuiltImages: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/scan-built-images',
    severity: 'warning',
    title: 'Images are built but never scanned',
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
    if (!firstBuild || steps.scanners.length > 0) return [];
    const at = model.document.positionOf(firstBuild.command.path);
    return [{ ...at, message: `\`${firstBuild.summary}\` builds an image, but no step scans it (trivy, grype, docker scout cves, snyk container test)` }];
  },
};
