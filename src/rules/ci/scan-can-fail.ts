/**
 * A scan that cannot fail the pipeline is a report nobody reads. Trivy and its action exit 0 on
 * findings unless told otherwise; grype needs `--fail-on`, scout `--exit-code`; `|| true`,
 * `continue-on-error` and GitLab's `allow_failure` defeat any of them.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiWorkflowRule } from '../types.js';

export const scanCanFail: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/scan-can-fail',
    severity: 'warning',
    title: 'The image scan cannot fail the build',
    passTitle: 'The image scan can fail the build',
    why:
      'A scanner that always exits 0 turns into a log nobody opens: the critical CVE is listed in green output ' +
      'while the image is pushed and deployed anyway. The gate only protects you when a finding stops the ' +
      'pipeline, so that a vulnerable image never reaches the registry an attacker can later exploit it from.',
    fix:
      'Make the scan fail on findings: `trivy image --exit-code 1 ...`, `exit-code: \'1\'` for trivy-action, ' +
      '`grype <image> --fail-on high`, `docker scout cves --exit-code ...`. Remove `|| true`, ' +
      '`continue-on-error: true` or `allow_failure: true` from the scan step; accept known findings explicitly in ' +
      'a `.trivyignore` instead.',
    item: 'image.scanning',
    references: [],
  },
  check(model) {
    return imageSteps(model).scanners.flatMap((scanner) => {
      if (scanner.cannotFailBecause === undefined) return [];
      const at = model.document.positionOf(scanner.command.path);
      return [{ ...at, message: `\`${scanner.summary}\` cannot fail the build: ${scanner.cannotFailBecause}` }];
    });
  },
};
