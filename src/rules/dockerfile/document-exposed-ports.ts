/**
 * An image that runs something says which ports it listens on: EXPOSE is documentation for the
 * people and tools that wire the container into a network. Kept simple on purpose: a final image
 * with CMD or ENTRYPOINT and no EXPOSE at all gets an info note.
 */
import { finalImageInstructions } from '../../analysis/finalImage.js';
import type { DockerfileRule } from '../types.js';

export const documentExposedPorts: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/document-exposed-ports',
    severity: 'info',
    title: 'The image does not document its ports',
    passTitle: 'The image documents its ports',
    why:
      'EXPOSE opens nothing by itself, but it is the one place that says which ports the image is meant to ' +
      'serve. Without it, whoever deploys the container guesses, and guesses tend to be generous: `-P` or a ' +
      'broad port range published to the world, including a debug or admin port the app also happens to open. ' +
      'A documented port is what a reviewer and a firewall rule can be checked against.',
    fix: 'Add `EXPOSE 8080` (the port the server listens on) to the final stage, and publish only that port at runtime.',
    item: 'image.expose',
    references: [],
  },
  check(model) {
    const instructions = finalImageInstructions(model);
    if (instructions.some((instruction) => instruction.keyword === 'EXPOSE')) return [];
    const command = instructions.filter((instruction) => instruction.keyword === 'CMD' || instruction.keyword === 'ENTRYPOINT').at(-1);
    if (!command) return [];
    return [{ line: command.line, column: command.column, message: `the final image runs \`${command.keyword} ${command.text.trim()}\` but has no EXPOSE saying which port it serves` }];
  },
};
