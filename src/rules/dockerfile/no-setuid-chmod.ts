/**
 * No RUN may turn the setuid or setgid bit on a file (`chmod u+s`, `chmod +s`, `chmod 4755`,
 * `install -m 4755`): that is building a privilege-escalation path into the image on purpose.
 * Any stage counts, because `COPY --from` keeps file modes. Modes that can only land on
 * directories (`install -d -m 3777`, `mkdir -m 2775`, `find -type d -exec chmod g+s`) pass: a
 * setgid directory only passes its group on to new files, and Linux ignores setuid there.
 */
import { chmodUses, setsSetuidOrSetgid } from '../../analysis/chmodModes.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noSetuidChmod: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-setuid-chmod',
    severity: 'error',
    title: 'A RUN sets the setuid or setgid bit',
    passTitle: 'No RUN sets the setuid or setgid bit',
    why:
      'A file with the setuid bit runs as its owner, usually root, for whoever starts it. Setting it in a ' +
      'Dockerfile hands every process in the container, including an attacker who got in through the app, a ' +
      'program that runs as root; if that program can be tricked into running a shell or writing a file, the ' +
      'non-root user you configured no longer matters.',
    fix:
      'Remove the `chmod u+s`/`chmod 4755`. If the app needs one privileged operation, grant just that: a ' +
      'capability such as `--cap-add NET_BIND_SERVICE`, a port above 1024, or a file owned by the app user.',
    item: 'image.no-suid',
    references: [],
    differences: [
      { relation: 'looser-than', peer: 'cis-docker:4.8', note: 'CIS 4.8 asks to remove every setuid/setgid bit; this rule only forbids setting new ones on files (dockerfile/strip-setuid-bits covers removal)' },
    ],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      const use = chmodUses(runScript(instruction)).find((candidate) => !candidate.directoriesOnly && setsSetuidOrSetgid(candidate.mode));
      if (use) hits.push({ line: instruction.line, column: instruction.column, message: `\`${use.command}\` sets the setuid/setgid bit (mode ${use.mode})` });
    }
    return hits;
  },
};
