/**
 * The final image should strip SUID/SGID bits from what its base ships (`passwd`, `su`, `mount`
 * and friends), e.g. `RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} +`. Advice, not
 * an error: scratch and distroless bases have no such binaries and no shell to run it with.
 */
import { chmodUses, stripsSetuidOrSetgid } from '../../analysis/chmodModes.js';
import { baseImageIsUnknown } from '../../analysis/dockerfileVariables.js';
import { finalBaseImage, finalImageInstructions } from '../../analysis/finalImage.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule } from '../types.js';

/** Bases without SUID binaries to strip, and without a shell to strip them with. */
const NOTHING_TO_STRIP = [/^scratch$/, /^gcr\.io\/distroless\//, /^cgr\.dev\/chainguard\//];

export const stripSetuidBits: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/strip-setuid-bits',
    severity: 'info',
    title: 'SUID/SGID bits are not stripped from the final image',
    passTitle: 'SUID/SGID bits are stripped from the final image',
    why:
      'A SUID binary runs with its owner\'s privileges, usually root, whoever starts it. Running the app as a ' +
      'non-root user only helps if the image offers no way back up: an attacker with code execution as that user ' +
      'looks for SUID programs first, and one bug in `su`, `passwd`, `mount` or `newgrp` turns them into root. ' +
      'Most containers need none of these binaries, so their bits can simply go.',
    fix:
      'Strip the bits in the final stage, after installing packages: ' +
      '`RUN find / -xdev -perm /6000 -type f -exec chmod a-s {} + || true`. Also run the container with ' +
      '`--security-opt no-new-privileges`, which makes the bits inert.',
    item: 'image.no-suid',
    references: ['cis-docker:4.8'],
  },
  check(model) {
    const { stage, base } = finalBaseImage(model);
    if (baseImageIsUnknown(model, stage) || NOTHING_TO_STRIP.some((pattern) => pattern.test(base.name))) return [];
    const strips = finalImageInstructions(model).some((instruction) =>
      instruction.keyword === 'RUN' && chmodUses(runScript(instruction)).some((use) => stripsSetuidOrSetgid(use.mode)),
    );
    if (strips) return [];
    const finalStage = model.stages.at(-1);
    if (!finalStage) return [];
    return [{
      line: finalStage.from.line,
      column: finalStage.from.column,
      message: `the final image keeps whatever SUID/SGID binaries ${base.reference} ships; no RUN strips them with \`chmod a-s\``,
    }];
  },
};
