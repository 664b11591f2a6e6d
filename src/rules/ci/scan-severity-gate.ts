/**
 * A Trivy gate names the severities that fail the build, and CRITICAL is among them. Without
 * `--severity` every LOW finding blocks the pipeline as hard as a CRITICAL one, which is how
 * gates get switched off.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiWorkflowRule } from '../types.js';

export const scanSeverityGate: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/scan-severity-gate',
    severity: 'info',
    title: 'The Trivy scan has no severity gate',
    passTitle: 'The Trivy scan has a severity gate',
    why:
      'A gate that fails on every finding, including the hundreds of LOW and unfixed ones in any distribution, ' +
      'fails every build; teams respond with `|| true` and then nothing is gated at all. A gate that leaves out ' +
      'CRITICAL lets through exactly the vulnerabilities attackers automate. Naming the severities keeps the gate ' +
      'strict where it matters and livable everywhere else.',
    fix: 'Add `--severity CRITICAL,HIGH` to `trivy image` (`severity: CRITICAL,HIGH` for trivy-action), optionally `--ignore-unfixed`.',
    item: 'image.scanning',
    references: [],
  },
  check(model) {
    return imageSteps(model).scanners.flatMap((scanner) => {
      if (!scanner.isTrivy) return [];
      const at = model.document.positionOf(scanner.command.path);
      if (scanner.severities === undefined) return [{ ...at, message: `\`${scanner.summary}\` sets no severity, so every LOW finding counts as much as a CRITICAL one` }];
      if (!scanner.severities.includes('CRITICAL')) return [{ ...at, message: `\`${scanner.summary}\` gates on ${scanner.severities.join(',')} but not CRITICAL` }];
      return [];
    });
  },
};
