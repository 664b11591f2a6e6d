/**
 * Base images come from publishers you can name: Docker Official Images, or a well-known vendor
 * registry (distroless, Chainguard, Microsoft, Red Hat, Kubernetes). Anything else gets an info
 * note asking who stands behind it; it may well be your own registry, which is fine to suppress.
 */
import { baseImageIsUnknown } from '../../analysis/dockerfileVariables.js';
import { isFromTrustedSource, WELL_KNOWN_VENDOR_PREFIXES } from '../../analysis/imageReferenceFacts.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const trustedBaseImage: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/trusted-base-image',
    severity: 'info',
    title: 'The base image comes from an unknown publisher',
    passTitle: 'The base image comes from a known publisher',
    why:
      'A base image runs with full control of everything built on it. Anyone can push `someone/node` to Docker ' +
      'Hub, and typo-squatted or abandoned images with cryptominers and backdoors have been pulled millions of ' +
      'times. Official Images and vendor registries are rebuilt on security fixes and published by people you ' +
      'can hold to account; a random account offers neither.',
    fix:
      `Prefer a Docker Official Image (\`node:20.11.1-alpine3.19\`) or a vendor registry (${WELL_KNOWN_VENDOR_PREFIXES.slice(0, 4).map((prefix) => `\`${prefix}\``).join(', ')}), ` +
      'or build your own base in your own registry. If this image is your organisation\'s, keep it and suppress the ' +
      'note with a reason (`# shipshape-ignore dockerfile/trusted-base-image -- our hardened base`).',
    item: 'image.trusted-sources',
    references: ['cis-docker:4.2'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      if (stage.parentStage !== undefined || baseImageIsUnknown(model, stage) || isFromTrustedSource(stage.base)) continue;
      hits.push({
        line: stage.from.line,
        column: stage.from.column,
        message: `${stage.base.name} is neither a Docker Official Image nor from a well-known vendor registry; check who publishes it`,
      });
    }
    return hits;
  },
};
