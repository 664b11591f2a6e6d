/**
 * No literal credential anywhere in a Dockerfile instruction: AWS access keys, GitHub tokens,
 * private keys, `Authorization:` headers, `--password <value>`, `https://user:pass@host`. They
 * end up in the image history (RUN), config (ENV, LABEL) or layers. `$VAR` references and
 * `--password-stdin` are not literals. Secret-named ENV/ARG values are left to
 * `no-secret-variables`, so one mistake gives one finding.
 */
import { declarationsOf } from '../../analysis/dockerfileVariables.js';
import { findLiteralCredentials, isLiteralSecretValue, isSecretName } from '../../analysis/secretLooking.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerInstruction } from '../../parse/dockerfile.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noLiteralCredentials: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-literal-credentials',
    severity: 'error',
    title: 'A credential is written into the Dockerfile',
    passTitle: 'No credential is written into the Dockerfile',
    why:
      'Every RUN command line is stored verbatim in the image history, and ENV and LABEL values in its config: ' +
      '`docker history --no-trunc` or `docker inspect` on any copy of the image prints the key. Automated ' +
      'scanners sweep public registries and repositories for AWS keys and GitHub tokens and use them within ' +
      'minutes, so a key that was ever pushed this way must be considered stolen.',
    fix:
      'Remove the credential and revoke it now. Pass it to the one RUN that needs it with ' +
      '`RUN --mount=type=secret,id=token` (read `/run/secrets/token`), and use `--password-stdin` for logins; ' +
      'at runtime, deliver secrets from a secret manager or a mounted file.',
    item: 'secrets.not-in-image',
    references: ['cis-docker:4.10'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    const instructions = [...model.globalArgs, ...model.stages.flatMap((stage) => [stage.from, ...stage.instructions])];
    for (const instruction of instructions) {
      const found = findLiteralCredentials(searchableText(instruction));
      if (found.length === 0) continue;
      const listed = [...new Set(found.map((match) => `${match.description} (${match.redacted})`))].join(' and ');
      hits.push({ line: instruction.line, column: instruction.column, message: `this ${instruction.keyword} contains ${listed}` });
    }
    return hits;
  },
};

/** The text to search: RUN scripts whole, ENV/ARG values except those another rule reports. */
function searchableText(instruction: DockerInstruction): string {
  if (instruction.keyword === 'RUN') return runScript(instruction);
  if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
    return declarationsOf(instruction, undefined)
      .filter((declaration) => !(isSecretName(declaration.name) && declaration.value !== undefined && isLiteralSecretValue(declaration.value)))
      .map((declaration) => declaration.value ?? '')
      .join(' ');
  }
  return instruction.text;
}
