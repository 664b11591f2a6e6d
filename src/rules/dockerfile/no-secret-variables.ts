/**
 * No ENV or ARG named like a secret (`DB_PASSWORD`, `NPM_TOKEN`, `AWS_SECRET_ACCESS_KEY`) may
 * carry a literal value. ENV values live in the image config for everyone who pulls it; ARG
 * defaults are written in the Dockerfile and recorded in the image history. `${VAR}` references
 * and names such as `TOKEN_URL` or `PASSWORD_FILE` are fine.
 */
import { allDeclarations } from '../../analysis/dockerfileVariables.js';
import { isLiteralSecretValue, isSecretName } from '../../analysis/secretLooking.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noSecretVariables: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-secret-variables',
    severity: 'error',
    title: 'A secret is written into ENV or ARG',
    passTitle: 'No secret is written into ENV or ARG',
    why:
      'ENV values are stored in the image configuration: anyone who can pull the image reads them with ' +
      '`docker inspect`, no exploit needed, and so does any process in the container, including an attacker who ' +
      'got in through the app. ARG defaults sit in the Dockerfile and in `docker history`. Registries, CI caches ' +
      'and laptops keep copies of images for years, so a password baked in once has to be treated as public.',
    fix:
      'Remove the literal and rotate the secret. Pass it at runtime (`docker run --env-file`, a mounted file under ' +
      '`/run/secrets`, a Kubernetes Secret); for a build, use `RUN --mount=type=secret,id=npm_token` and ' +
      '`docker build --secret id=npm_token,env=NPM_TOKEN`.',
    item: 'secrets.not-in-image',
    references: ['cis-docker:4.10'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const declaration of allDeclarations(model)) {
      if (declaration.value === undefined || !isSecretName(declaration.name) || !isLiteralSecretValue(declaration.value)) continue;
      const where = declaration.keyword === 'ENV'
        ? 'is stored in the image config, visible to anyone who pulls the image'
        : 'is written in the Dockerfile and recorded in the image history';
      hits.push({
        line: declaration.instruction.line,
        column: declaration.instruction.column,
        message: `\`${declaration.keyword} ${declaration.name}=…\` gives a secret a literal value, which ${where}`,
      });
    }
    return hits;
  },
};
