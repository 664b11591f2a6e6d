/**
 * What ends up in the final image of a Dockerfile. Only the last stage is shipped, but a stage
 * built `FROM` an earlier stage carries everything that stage did, so the final image is the
 * chain "root stage -> ... -> final stage". Rules about the shipped image (HEALTHCHECK, SUID,
 * build tools, EXPOSE) walk this chain rather than the last stage alone or the whole file.
 */
import type { DockerfileModel, DockerInstruction, DockerStage, ImageReference } from '../parse/dockerfile.js';
import { oncePer } from '../shared/oncePer.js';

/**
 * The stages whose instructions make up the final image, oldest first.
 *
 * @example
 *   // FROM busybox AS base / FROM scratch AS other / FROM base
 *   finalStageChain(model).map((stage) => stage.index) // [0, 2]
 */
export function finalStageChain(model: DockerfileModel): DockerStage[] {
  const finalStage = model.stages.at(-1);
  if (!finalStage) throw new Error('a parsed Dockerfile always has a stage');
  return stageChain(model, finalStage);
}

/** A stage and the earlier stages it is built on, oldest first. */
export function stageChain(model: DockerfileModel, stage: DockerStage): DockerStage[] {
  const chain: DockerStage[] = [stage];
  let current = stage;
  // parentStage always points backwards, so this ends; the guard keeps a bad model from looping.
  while (current.parentStage !== undefined && chain.length <= model.stages.length) {
    const parent = model.stages[current.parentStage];
    if (!parent) break;
    chain.push(parent);
    current = parent;
  }
  // Built newest first and turned once: unshift would copy the chain at every link.
  return chain.reverse();
}

/** Every instruction that shapes the final image, in build order (worked out once per model: many rules ask). */
export const finalImageInstructions: (model: DockerfileModel) => readonly DockerInstruction[] = oncePer((model) => finalStageChain(model).flatMap((stage) => stage.instructions));

/** The external image the final image is ultimately built on (`scratch`, `node:20.11.1`, ...). */
export function finalBaseImage(model: DockerfileModel): { stage: DockerStage; base: ImageReference } {
  const [root] = finalStageChain(model);
  if (!root) throw new Error('a stage chain is never empty');
  return { stage: root, base: root.base };
}

/** True for the empty base image, which holds nothing but what the Dockerfile copies in. */
export function isScratch(base: ImageReference): boolean {
  return base.name === 'scratch';
}

/**
 * The stage a `COPY --from=` reads from: a stage name (BuildKit matches it case-insensitively)
 * or index; undefined when the value names an external image (`--from=nginx:1.27.2`), which is
 * then pulled like a base image. Also undefined for an instruction without `--from`.
 */
export function copySourceStage(model: DockerfileModel, instruction: DockerInstruction): DockerStage | undefined {
  const from = instruction.flags.from;
  if (from === undefined) return undefined;
  const byName = stagesByName(model).get(from.toLowerCase());
  if (byName) return byName;
  return /^\d+$/.test(from) ? model.stages[Number(from)] : undefined;
}

/** The first stage of each name, made once per model: a file may hold thousands of stages. */
const stagesByName = oncePer((model: DockerfileModel): ReadonlyMap<string, DockerStage> => {
  const names = new Map<string, DockerStage>();
  for (const stage of model.stages) if (stage.name !== undefined && !names.has(stage.name)) names.set(stage.name, stage);
  return names;
});

/** True for `COPY --from=<image>`: a reference to an image, not to a stage of this Dockerfile. */
export function copiesFromExternalImage(model: DockerfileModel, instruction: DockerInstruction): boolean {
  return instruction.keyword === 'COPY' && instruction.flags.from !== undefined && copySourceStage(model, instruction) === undefined;
}

/**
 * The directory an instruction of a stage works in: the last WORKDIR before it along the
 * stage's chain (relative WORKDIRs joined), `/` when there is none.
 */
export function workdirAt(model: DockerfileModel, stage: DockerStage, instruction: DockerInstruction): string {
  let workdir = '/';
  for (const candidate of stageChain(model, stage).flatMap((link) => link.instructions)) {
    if (candidate === instruction) break;
    if (candidate.keyword === 'WORKDIR') workdir = joinPath(workdir, candidate.text.trim());
  }
  return workdir;
}

/** `/app` + `src` -> `/app/src`; an absolute second part wins; `.` segments and trailing slashes go. */
export function joinPath(base: string, relative: string): string {
  const combined = relative.startsWith('/') ? relative : `${base}/${relative}`;
  const parts = combined.split('/').filter((part) => part !== '' && part !== '.');
  return `/${parts.join('/')}`;
}
