/**
 * No `chmod 777` (or any mode letting every user write). Placed under runtime.non-root because
 * that is what it undoes: the point of a non-root app user is that it cannot change the image's
 * code, and a world-writable file or directory gives that back. The sticky-bit `1777` of a
 * shared temp directory is the accepted exception.
 */
import { chmodUses, makesWorldWritable } from '../../analysis/chmodModes.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noWorldWritable: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-world-writable',
    severity: 'warning',
    title: 'Files are made writable by every user',
    passTitle: 'No file is made writable by every user',
    why:
      'A non-root user is only a barrier if it cannot change what runs. `chmod 777` lets any process in the ' +
      'container, including an attacker who got in through the app, rewrite scripts, binaries and configuration ' +
      'that root or the app loads later: a planted line in an entrypoint script runs with whatever privileges ' +
      'start it next time. It is usually a shortcut around a permission error that `--chown` fixes properly.',
    fix:
      'Give ownership to the one user that needs to write (`COPY --chown=10001:10001 data/ /app/data/` or ' +
      '`RUN chown -R 10001:10001 /app/data`) with a mode such as 755 for directories and 644 for files; keep ' +
      'code read-only for the app user.',
    item: 'runtime.non-root',
    references: [],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      const use = chmodUses(runScript(instruction)).find((candidate) => makesWorldWritable(candidate.mode));
      if (use) hits.push({ line: instruction.line, column: instruction.column, message: `\`${use.command}\` makes files writable by every user (mode ${use.mode})` });
    }
    return hits;
  },
};
