/**
 * The shipped image should start from a reduced base (slim, alpine, distroless, chiseled,
 * scratch), not a full distribution or a full language image with compilers and a package
 * manager. Only the final image counts: a full image in a builder stage is what builders are for.
 */
import { baseImageIsUnknown } from '../../analysis/dockerfileVariables.js';
import { finalBaseImage } from '../../analysis/finalImage.js';
import { isFullDistributionImage } from '../../analysis/imageReferenceFacts.js';
import type { DockerfileRule } from '../types.js';

export const minimalBaseImage: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/minimal-base-image',
    severity: 'warning',
    title: 'The final image is based on a full distribution',
    passTitle: 'The final image is based on a minimal image',
    why:
      'A full image such as `node:20.11.1` or `debian:12` ships hundreds of packages your app never calls: a ' +
      'shell, a package manager, compilers, curl. Each one is another CVE on the scanner report, and after an ' +
      'attacker gets code execution they are the tools that let them download a payload, compile an exploit and ' +
      'move on. A slim or alpine variant removes most of them; distroless removes even the shell.',
    fix:
      'Base the final stage on a reduced variant: `node:20.11.1-alpine3.19`, `python:3.12.1-slim-bookworm`, ' +
      '`debian:bookworm-slim`, or `gcr.io/distroless/nodejs20-debian12` / `cgr.dev/chainguard/...`. Build in a ' +
      'full image if you must, and `COPY --from=build` only the result.',
    item: 'image.minimal-base',
    references: [],
  },
  check(model) {
    const { stage, base } = finalBaseImage(model);
    if (baseImageIsUnknown(model, stage) || !isFullDistributionImage(base)) return [];
    const shipped = stage === model.stages.at(-1) ? 'the final stage' : 'the final image (through its parent stages)';
    return [{
      line: stage.from.line,
      column: stage.from.column,
      message: `${shipped} is based on ${base.reference}, a full image; use a slim, alpine or distroless variant`,
    }];
  },
};
