/**
 * Every external image names a specific release or, better, a digest: each base image, and each
 * image a `COPY --from=` pulls files out of. `FROM node` is `node:latest`; `node:20` moves with
 * each release. Stage references and scratch are exempt; a tag built from a variable without a
 * default cannot be verified and is reported as such.
 */
import { externalImages } from '../../analysis/externalImages.js';
import { tagPinning } from '../../analysis/imageReferenceFacts.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const pinBaseImage: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/pin-base-image',
    severity: 'warning',
    title: 'The base image is not pinned to a release',
    passTitle: 'The base image is pinned to a release',
    why:
      'A floating tag such as `latest` or `20` is whatever the publisher pushed last. The same Dockerfile then ' +
      'builds a different image next week, a vulnerability scan of yesterday says nothing about today, and if ' +
      'the publisher account or a mirror is compromised, your next build pulls the attacker\'s image without a ' +
      'single line changing in your repository. A full version tag makes changes visible in review; a digest ' +
      'makes them impossible without one.',
    fix:
      'Name a full release, e.g. `FROM node:20.11.1-alpine3.19`, or pin the digest as well: ' +
      '`FROM node:20.11.1-alpine3.19@sha256:<digest>` (`docker buildx imagetools inspect node:20.11.1-alpine3.19` prints it). ' +
      'Let Dependabot or Renovate propose the updates.',
    item: 'image.pin-versions',
    references: [],
    differences: [
      { relation: 'stricter-than', peer: 'hadolint:DL3006', note: 'DL3006 only wants a tag; shipshape also rejects `latest`, bare major tags and channels, and checks `COPY --from=<image>`' },
      { relation: 'stricter-than', peer: 'hadolint:DL3007', note: 'DL3007 only rejects `latest`; shipshape also rejects untagged, bare major tags and channels' },
      { relation: 'stricter-than', peer: 'trivy:DS001', note: 'DS001 rejects untagged and `latest`; shipshape also rejects bare major tags such as `node:20` and channels such as `stable`' },
      { relation: 'stricter-than', peer: 'checkov:CKV_DOCKER_7', note: 'CKV_DOCKER_7 rejects `latest`; shipshape also rejects floating major tags and channels' },
    ],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const use of externalImages(model)) {
      const written = use.written;
      const shown = written === use.base.reference || use.unknown ? `\`${use.via} ${written}\`` : `\`${use.via} ${written}\` (${use.base.reference})`;
      const at = { line: use.instruction.line, column: use.instruction.column };
      if (use.unknown) {
        hits.push({ ...at, message: `${shown} uses a build argument with no default, so the version it pulls cannot be verified here` });
        continue;
      }
      const pinning = tagPinning(use.base);
      switch (pinning.kind) {
        case 'untagged':
          hits.push({ ...at, message: `${shown} has no tag, so it means ${use.base.name}:latest` });
          break;
        case 'latest':
          hits.push({ ...at, message: `${shown} uses the moving \`latest\` tag` });
          break;
        case 'major-only':
          hits.push({ ...at, message: `${shown} pins only the major version ${pinning.major}; the image changes with every minor and patch release` });
          break;
        case 'channel':
          hits.push({ ...at, message: `${shown} follows the \`${pinning.word}\` channel, not a specific release` });
          break;
        case 'specific':
        case 'digest':
          break;
      }
    }
    return hits;
  },
};
