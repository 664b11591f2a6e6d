/**
 * Every external base image names a specific release or, better, a digest. `FROM node` is
 * `node:latest`; `node:20` moves with each release. Stage references and scratch are exempt;
 * a tag built from a variable without a default cannot be verified and is reported as such.
 */
import { baseImageIsUnknown } from '../../analysis/dockerfileVariables.js';
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
    references: ['hadolint:DL3006', 'hadolint:DL3007', 'trivy:DS001', 'checkov:CKV_DOCKER_7'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      if (stage.parentStage !== undefined || stage.base.name === 'scratch') continue;
      const written = stage.from.args[0] ?? stage.base.reference;
      const shown = written === stage.base.reference || baseImageIsUnknown(model, stage) ? `\`FROM ${written}\`` : `\`FROM ${written}\` (${stage.base.reference})`;
      const at = { line: stage.from.line, column: stage.from.column };
      if (baseImageIsUnknown(model, stage)) {
        hits.push({ ...at, message: `${shown} uses a build argument with no default, so the version it pulls cannot be verified here` });
        continue;
      }
      const pinning = tagPinning(stage.base);
      switch (pinning.kind) {
        case 'untagged':
          hits.push({ ...at, message: `${shown} has no tag, so it means ${stage.base.name}:latest` });
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
