/**
 * A pipeline that pushes an image signs it (cosign sign, notation sign, docker trust sign), so
 * that deployments can verify the image came from this pipeline.
 */
import { imageSteps } from '../../analysis/ciImageSteps.js';
import type { CiWorkflowRule } from '../types.js';

export const signImages: CiWorkflowRule = {
  target: 'ci',
  meta: {
    id: 'ci/sign-images',
    severity: 'info',
    title: 'Pushed images are not signed',
    passTitle: 'Pushed images are signed',
    why:
      'A tag in a registry proves nothing about who pushed it. An attacker with a leaked registry token can ' +
      'overwrite `myapp:1.2.3` with a backdoored image, and every cluster that pulls it runs their code. A ' +
      'signature made in the pipeline, verified at deploy time, turns that silent swap into a refused deployment.',
    fix:
      'Sign after pushing, by digest: install cosign (`sigstore/cosign-installer`) and run ' +
      '`cosign sign --yes myregistry/myapp@${DIGEST}` (keyless with OIDC, or `--key`); verify with `cosign verify` ' +
      'or an admission policy before running it.',
    item: 'image.signing',
    references: [],
  },
  check(model) {
    const steps = imageSteps(model);
    const firstPush = steps.pushes[0];
    if (!firstPush || steps.signs.length > 0) return [];
    return [{ ...model.document.positionOf(firstPush.command.path), message: `\`${firstPush.summary}\` pushes an image, but no step signs it (cosign sign, notation sign)` }];
  },
};
