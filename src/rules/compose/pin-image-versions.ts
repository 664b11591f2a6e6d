/**
 * `image:` must name a specific version or a digest. Reported: no tag (means `latest`),
 * `:latest`, a bare major tag (`node:20`, `redis:7-alpine`) and version-less names (`:lts`,
 * `:stable`). A service with `build:` is skipped: there `image:` names what compose builds, not
 * what it pulls. Interpolated references (`app:${TAG}`) are decided at run time and skipped.
 */
import { ownSetting } from '../../analysis/composeSettings.js';
import { imagePinning } from '../../analysis/composeImage.js';
import type { ComposeRule } from '../types.js';

export const pinImageVersions: ComposeRule = {
  target: 'compose',
  meta: {
    id: 'compose/pin-image-versions',
    severity: 'warning',
    title: "A service's image is not pinned to a version",
    passTitle: "Every service's image is pinned to a version",
    why:
      'A tag like `latest` or `20` is a moving pointer: the next `docker compose pull` may bring a different ' +
      'image than the one you tested, including one a compromised maintainer account or registry pushed ' +
      'yesterday. Without a pinned version you cannot tell which image ran, roll back to a known one, or ' +
      'notice that it changed under you.',
    fix:
      'Write the full version: `image: node:20.11.1-alpine`. Better still, pin the digest as well: ' +
      '`image: node:20.11.1-alpine@sha256:<digest>`, and let a bot such as Renovate or Dependabot update it.',
    item: 'image.pin-versions',
    references: [],
  },
  check(model) {
    return model.services.flatMap((service) => {
      const image = ownSetting(service, ['image']);
      if (!image || typeof image.value !== 'string' || ownSetting(service, ['build']) !== undefined) return [];
      const pinning = imagePinning(image.value);
      const problem =
        pinning.kind === 'untagged' ? 'has no tag, so it pulls `latest`'
        : pinning.kind === 'latest' ? 'uses `latest`, which changes whenever the maintainer pushes'
        : pinning.kind === 'major-only' ? `uses the bare major tag \`${pinning.tag}\`, which moves with every minor release`
        : pinning.kind === 'floating' ? `uses \`${pinning.tag}\`, a tag with no version that moves on its own`
        : undefined;
      if (!problem) return [];
      const { line, column } = model.document.positionOf(image.path);
      return [{ line, column, message: `\`image: ${image.value}\` in service ${service.name} ${problem}` }];
    });
  },
};
