/**
 * Build tooling belongs in a builder stage. When the final image itself runs `npm install`,
 * `npm run build`, `go build` or installs gcc, and copies nothing from another stage, the
 * compiler, dev dependencies and build cache ship to production.
 */
import { findBuildTool } from '../../analysis/buildTooling.js';
import { finalStageChain } from '../../analysis/finalImage.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule } from '../types.js';

export const multiStageBuild: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/multi-stage-build',
    severity: 'warning',
    title: 'The final image builds the app itself',
    passTitle: 'The final image only receives what was built elsewhere',
    why:
      'Whatever a build needs stays in the image that ran it: compilers, dev dependencies, package caches, ' +
      'sometimes the source and a `.npmrc`. In production they are pure attack surface: an attacker with code ' +
      'execution finds a compiler and a package manager ready to fetch and build their tools, and the scanner ' +
      'reports CVEs in packages the app never loads. A multi-stage build leaves all of that behind in a stage ' +
      'that is never shipped.',
    fix:
      'Split the Dockerfile: `FROM node:20.11.1 AS build` runs `npm ci` and `npm run build`; the final ' +
      '`FROM node:20.11.1-alpine3.19` stage runs `npm ci --omit=dev` at most and copies the output with ' +
      '`COPY --from=build /app/dist ./dist`.',
    item: 'image.multi-stage',
    references: [],
  },
  check(model) {
    const chain = finalStageChain(model);
    const finalStage = chain.at(-1);
    const copiesFromAnotherStage = finalStage?.instructions.some((instruction) => instruction.keyword === 'COPY' && instruction.flags.from !== undefined);
    if (copiesFromAnotherStage) return [];
    for (const instruction of chain.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      const tool = findBuildTool(runScript(instruction));
      if (tool === undefined) continue;
      return [{
        line: instruction.line,
        column: instruction.column,
        message: `\`${tool}\` runs build tooling in the image that ships, and nothing is copied from a builder stage`,
      }];
    }
    return [];
  },
};
