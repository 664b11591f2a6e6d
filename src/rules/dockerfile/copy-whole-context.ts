/**
 * `COPY . .` sends the whole build context into the image. That is only acceptable when a
 * `.dockerignore` keeps out the repository history, env files and keys; this rule tests the
 * actual `.dockerignore` with Docker's matching semantics.
 */
import { notExcludedByDockerignore } from '../../analysis/dockerignoreCoverage.js';
import type { DockerfileRule, RuleHit } from '../types.js';

/** Sources that mean "everything in the context". */
const WHOLE_CONTEXT = new Set(['.', './', '*', './*']);

export const copyWholeContext: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/copy-whole-context',
    severity: 'warning',
    title: 'The whole build context is copied into the image',
    passTitle: 'Only the files the image needs are copied',
    why:
      'Everything in the build context that is not ignored ends up in a layer: the `.git` directory with the ' +
      'full history (including secrets committed and "deleted" years ago), the `.env` with production ' +
      'passwords, a developer\'s `id_rsa` or TLS key. Anyone who can pull the image can read them with ' +
      '`docker save` or by running a shell in it, no exploit needed.',
    fix:
      'Copy only what the app needs (`COPY package.json package-lock.json ./` then `COPY src/ ./src/`), and add ' +
      'a `.dockerignore` that excludes at least `.git`, `.env*`, `*.pem`, `*.key`, `id_rsa`, `.npmrc`, `.netrc` and `node_modules`.',
    item: 'image.copy-only-needed',
    references: [],
  },
  check(model, context) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      for (const instruction of stage.instructions) {
        if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
        if (instruction.flags.from !== undefined) continue;
        const sources = instruction.args.slice(0, -1);
        const whole = sources.find((source) => WHOLE_CONTEXT.has(source));
        if (whole === undefined) continue;
        const missing = notExcludedByDockerignore(context.dockerignore);
        if (missing.length === 0) continue;
        const reason = context.dockerignore === undefined
          ? 'and there is no .dockerignore'
          : `and .dockerignore does not exclude ${missing.join(', ')}`;
        hits.push({ line: instruction.line, column: instruction.column, message: `\`${instruction.keyword} ${whole}\` copies the whole build context ${reason}` });
      }
    }
    return hits;
  },
};
