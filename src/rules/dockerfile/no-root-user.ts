/**
 * The final image must not run as root. Mirrors hadolint DL3002 and Trivy DS002, but follows
 * the traps they are known for: only the final stage counts, `0:0` and `root:root` are root,
 * a stage `FROM` an earlier stage inherits its USER, and no USER at all means root.
 */
import { effectiveUser } from '../../analysis/effectiveUser.js';
import { isNanoServer, isWindowsImage } from '../../analysis/windowsImage.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const noRootUser: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-root-user',
    severity: 'error',
    title: 'The container runs as root',
    passTitle: 'The container does not run as root',
    why:
      'Root inside a container is the same uid 0 as root on the host kernel. When an attacker gets code execution ' +
      'through your app, running as root hands them every file in the image, any capability Docker left in place, ' +
      'and the best starting point for a container escape. A plain user with a fixed uid loses almost nothing ' +
      'for a typical service and takes that head start away.',
    fix:
      'Create an unprivileged user with a fixed uid in the final stage and switch to it as the last USER, e.g. ' +
      '`RUN adduser -D -u 10001 app` then `USER 10001:10001`. Give it ownership of what it writes with `COPY --chown`.',
    item: 'runtime.non-root',
    references: ['cis-docker:4.1'],
    differences: [
      { relation: 'differs-from', peer: 'hadolint:DL3002', note: 'DL3002 judges the last USER of every stage and passes a file with no USER; shipshape judges only what the final image runs as, so a root builder stage passes and a missing USER fails' },
      { relation: 'differs-from', peer: 'trivy:DS002', note: 'DS002 takes the last USER anywhere in the file, so a USER in a builder stage satisfies it; shipshape follows the final stage and the stages it is built on' },
    ],
  },
  check(model) {
    const verdict = effectiveUser(model);
    if (isWindowsImage(model)) return windowsHits(verdict);
    switch (verdict.kind) {
      case 'root':
        return [{
          line: verdict.instruction.line,
          column: verdict.instruction.column,
          message: `\`USER ${verdict.spec}\` is uid 0: the final stage runs as root`,
        }];
      case 'inherited':
        return [{
          line: verdict.stage.from.line,
          column: verdict.stage.from.column,
          message: `the final stage never sets USER, so it runs as the base image's user (root for ${verdict.baseImage})`,
        }];
      case 'non-root':
      case 'base-non-root':
      case 'unresolved':
        return [];
    }
  },
};

/**
 * Windows has no uid 0: its administrator is `ContainerAdministrator`, the default user of Server
 * Core images, while Nano Server starts as the unprivileged `ContainerUser`.
 */
function windowsHits(verdict: ReturnType<typeof effectiveUser>): RuleHit[] {
  const advice = 'switch to `USER ContainerUser` (or an account the image creates) after the steps that need administrator rights';
  if (verdict.kind === 'inherited') {
    if (isNanoServer(verdict.stage.base)) return [];
    return [{ line: verdict.stage.from.line, column: verdict.stage.from.column, message: `the final stage never sets USER, so it runs as ContainerAdministrator, the default of ${verdict.baseImage}; ${advice}` }];
  }
  if ((verdict.kind === 'root' || verdict.kind === 'non-root') && /^containeradministrator$/i.test(verdict.spec.trim())) {
    return [{ line: verdict.instruction.line, column: verdict.instruction.column, message: `\`USER ${verdict.spec}\` is the Windows administrator; ${advice}` }];
  }
  return [];
}
