/**
 * A secret passed as a build argument (`ARG NPM_TOKEN` + `--build-arg NPM_TOKEN=...`) is recorded
 * in the image history of every RUN after it and easily copied into ENV. Fine when the only uses
 * are RUNs that also mount a BuildKit secret; a plain RUN using it is reported by
 * `use-secret-mounts` instead, so the learner sees one finding per mistake.
 */
import { declarationsOf, referencesVariable } from '../../analysis/dockerfileVariables.js';
import { isSecretName } from '../../analysis/secretLooking.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noSecretBuildArgs: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-secret-build-args',
    severity: 'warning',
    title: 'A secret is declared as a build argument',
    passTitle: 'No secret is declared as a build argument',
    why:
      'Build arguments are not secret: the value given with `--build-arg` is recorded in the image history ' +
      'alongside every RUN that follows the ARG, so `docker history --no-trunc` shows it to anyone who pulls the ' +
      'image, and one `ENV TOKEN=$TOKEN` bakes it into the config for good. CI logs and build caches keep it too.',
    fix:
      'Drop the ARG and mount the secret only where it is used: `RUN --mount=type=secret,id=npm_token ' +
      'NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci`, built with `docker build --secret id=npm_token,env=NPM_TOKEN`.',
    item: 'secrets.not-in-image',
    references: ['cis-docker:4.10'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const stage of model.stages) {
      stage.instructions.forEach((instruction, index) => {
        if (instruction.keyword !== 'ARG') return;
        for (const declaration of declarationsOf(instruction, stage)) {
          if (declaration.value !== undefined || !isSecretName(declaration.name)) continue;
          const runsUsingIt = stage.instructions
            .slice(index + 1)
            .filter((later) => later.keyword === 'RUN' && referencesVariable(runScript(later), declaration.name));
          // Plain RUNs using it are reported by use-secret-mounts; only secret-mount RUNs are fine.
          if (runsUsingIt.length > 0) continue;
          hits.push({
            line: instruction.line,
            column: instruction.column,
            message: `\`ARG ${declaration.name}\` takes a secret as a build argument; its value is recorded in the image history`,
          });
        }
      });
    }
    return hits;
  },
};
