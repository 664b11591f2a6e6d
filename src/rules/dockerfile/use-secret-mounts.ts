/**
 * A RUN that needs a secret gets it from a BuildKit secret mount, never from an ARG or ENV: a RUN
 * expanding `$NPM_TOKEN` from a build argument records the value in the image history, and from
 * ENV it is in the image config. A RUN with `--mount=type=secret` passes.
 */
import { declarationsOf, mountsSecret, referencesVariable } from '../../analysis/dockerfileVariables.js';
import { isSecretName } from '../../analysis/secretLooking.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const useSecretMounts: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/use-secret-mounts',
    severity: 'error',
    title: 'A RUN reads a secret from ARG or ENV',
    passTitle: 'No RUN reads a secret from ARG or ENV',
    why:
      'Whatever a RUN gets through ARG or ENV is kept: build arguments are written into the image history next ' +
      'to the command, ENV values into the image config, and a token written to `~/.npmrc` by the command stays ' +
      'in the layer even if a later RUN deletes it. Anyone who pulls the image, or reads the CI build cache, ' +
      'gets a working registry or cloud credential. A BuildKit secret mount exists only while that one RUN runs.',
    fix:
      'Mount the secret for the one command that needs it: `RUN --mount=type=secret,id=npm_token ' +
      'NPM_TOKEN="$(cat /run/secrets/npm_token)" npm ci` (or `--mount=type=secret,id=npmrc,target=/root/.npmrc`), ' +
      'and build with `docker build --secret id=npm_token,env=NPM_TOKEN .`. Remove the ARG/ENV.',
    item: 'secrets.build-time',
    references: [],
  },
  check(model) {
    const hits: RuleHit[] = [];
    // ENV is inherited from parent stages; ARG is scoped to its stage. Each stage's secret ENV
    // names, its parents' included, are kept by index: a parent always comes before its child,
    // so a chain of thousands of stages is walked once, not once per stage.
    const inheritedEnv: ReadonlySet<string>[] = [];
    for (const stage of model.stages) {
      const fromParent = stage.parentStage === undefined ? undefined : inheritedEnv[stage.parentStage];
      const ownEnv = new Set(fromParent);
      const inScope = new Map<string, string>([...(fromParent ?? [])].map((name) => [name, 'ENV']));
      for (const instruction of stage.instructions) {
        for (const declaration of declarationsOf(instruction, stage)) {
          if (!isSecretName(declaration.name)) continue;
          inScope.set(declaration.name, declaration.keyword);
          if (declaration.keyword === 'ENV') ownEnv.add(declaration.name);
        }
        if (instruction.keyword !== 'RUN' || mountsSecret(instruction)) continue;
        const script = runScript(instruction);
        const used = [...inScope].find(([name]) => referencesVariable(script, name));
        if (!used) continue;
        const [name, keyword] = used;
        hits.push({
          line: instruction.line,
          column: instruction.column,
          message: `this RUN uses $${name} from ${keyword}; mount it instead with \`RUN --mount=type=secret,id=${name.toLowerCase()}\``,
        });
      }
      inheritedEnv.push(ownEnv);
    }
    return hits;
  },
};
