/**
 * No credential file is copied into an image: `.env`, `id_rsa`, `*.pem`, `*.key`, `.npmrc`,
 * `.aws/credentials`, `.docker/config.json`. Deleting it in a later RUN does not help: the file
 * stays in the layer that COPY created.
 */
import { secretFileReason } from '../../analysis/secretLooking.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noCopiedSecretFiles: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-copied-secret-files',
    severity: 'error',
    title: 'A credential file is copied into the image',
    passTitle: 'No credential file is copied into the image',
    why:
      'Each COPY or ADD creates a layer, and layers are forever: a later `RUN rm .npmrc` only hides the file in ' +
      'the next layer, while `docker save` still extracts the original. Anyone who pulls the image, or gets a ' +
      'shell in a running container, walks away with the registry token, SSH key or production `.env`, and with ' +
      'it access to systems far beyond this container.',
    fix:
      'Do not copy the file. For a build step that needs it, mount it: `RUN --mount=type=secret,id=npmrc,' +
      'target=/root/.npmrc npm ci` (`docker build --secret id=npmrc,src=$HOME/.npmrc`); for SSH, ' +
      '`RUN --mount=type=ssh`. At runtime, mount secrets as files under `/run/secrets`. Add these names to ' +
      '`.dockerignore` so they never reach the build context.',
    item: 'secrets.not-in-image',
    references: ['cis-docker:4.10'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const source of instruction.args.slice(0, -1)) {
        const reason = secretFileReason(source);
        if (reason === undefined) continue;
        hits.push({ line: instruction.line, column: instruction.column, message: `\`${instruction.keyword} ${source}\` copies ${reason} into a layer` });
        break;
      }
    }
    return hits;
  },
};
