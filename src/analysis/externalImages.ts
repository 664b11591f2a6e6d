/**
 * Every external image a Dockerfile pulls: the FROM of each stage that is not built on another
 * stage, and every `COPY --from=<image>` (BuildKit pulls that image just like a base image, and
 * its files land in the layer unchecked). Rules about where images come from and how they are
 * pinned walk this list, so both ways in are judged alike.
 */
import { argDeclarations, expandVariables, parseImageReference, type DockerfileModel, type DockerInstruction, type DockerStage, type ImageReference } from '../parse/dockerfile.js';
import { baseImageIsUnknown } from './dockerfileVariables.js';
import { copySourceStage } from './finalImage.js';

export interface ExternalImageUse {
  /** `FROM` or `COPY --from`, for messages. */
  via: 'FROM' | 'COPY --from';
  instruction: DockerInstruction;
  base: ImageReference;
  /** The reference as written, before build arguments were expanded. */
  written: string;
  /** True when a build argument without a default decides the reference. */
  unknown: boolean;
  stage: DockerStage;
}

/** @example externalImages(model).filter((use) => use.via === 'COPY --from').map((use) => use.base.name) */
export function externalImages(model: DockerfileModel): ExternalImageUse[] {
  const globalDefaults = new Map<string, string>();
  const withoutDefault = new Set<string>();
  for (const arg of model.globalArgs) {
    for (const [name, value] of argDeclarations(arg)) {
      if (value === undefined || value === '') withoutDefault.add(name);
      else globalDefaults.set(name, value);
    }
  }
  const uses: ExternalImageUse[] = [];
  for (const stage of model.stages) {
    if (stage.parentStage === undefined && stage.base.name !== 'scratch') {
      uses.push({ via: 'FROM', instruction: stage.from, base: stage.base, written: stage.from.args[0] ?? stage.base.reference, unknown: baseImageIsUnknown(model, stage), stage });
    }
    for (const instruction of stage.instructions) {
      if (instruction.keyword !== 'COPY' || instruction.flags.from === undefined || copySourceStage(model, instruction)) continue;
      const written = instruction.flags.from;
      const base = parseImageReference(expandVariables(written, globalDefaults));
      const unknown = base.unresolved || [...withoutDefault].some((name) => written.includes(`$${name}`) || written.includes(`\${${name}}`));
      uses.push({ via: 'COPY --from', instruction, base, written, unknown, stage });
    }
  }
  return uses;
}
