/**
 * A pipeline that builds an image records what is in it: an SBOM from syft, `docker buildx build
 * --sbom`, anchore/sbom-action or trivy's CycloneDX/SPDX output.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiWorkflowRule } from '../types.js';

export const generateSbom: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/generate-sbom',
    severity: 'info',
    title: 'No SBOM is produced for the built image',
    passTitle: 'An SBOM is produced for the built image',
    why:
      'When the next Log4Shell is announced, the question is "which of our running images contain it?", asked ' +
      'while attackers are already scanning. With a software bill of materials per image the answer is a search; ' +
      'without one it is days of pulling and inspecting images, during which the vulnerable ones stay exposed.',
    fix:
      'Generate and keep an SBOM for each image: `syft myapp:1.2.3 -o spdx-json > sbom.json`, ' +
      '`docker buildx build --sbom=true --push ...`, `anchore/sbom-action`, or `sbom: true` on docker/build-push-action.',
    item: 'image.sbom',
    references: [],
  },
  check(model) {
    const steps = imageSteps(model);
    const firstBuild = steps.builds[0];
    if (!firstBuild || steps.sboms.length > 0) return [];
    return [{ ...model.document.positionOf(firstBuild.command.path), message: `\`${firstBuild.summary}\` builds an image, but no step produces an SBOM for it` }];
  },
};
