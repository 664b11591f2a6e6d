/**
 * No sudo in a Dockerfile. RUN already runs as root until a USER changes that, so sudo there
 * is either pointless or a sign that the image installs and configures sudo, which gives the
 * app user a way back to root.
 */
import { finalImageInstructions } from '../../analysis/finalImage.js';
import { runScript } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

const SUDO_COMMAND = /(?:^|&&|\|\||[;|(\n])\s*sudo(?=\s)/;
const PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'apk', 'yum', 'dnf', 'microdnf']);

/**
 * Whether one command of the script (between `;`, `&&`, `||`, `|` and newlines) runs a package
 * manager with one of `verbs` and names the sudo package. Read word by word: the patterns this
 * replaces backtracked over every split of a long line (16 KB of `apt-get install` took 6 s).
 */
function packageCommandNamesSudo(script: string, verbs: ReadonlySet<string>): boolean {
  if (!script.includes('sudo')) return false;
  return script.split(/[;&|\n]/).some((command) => {
    const words = command.split(/\s+/);
    const manager = words.findIndex((word) => PACKAGE_MANAGERS.has(word));
    if (manager < 0) return false;
    const verb = words.findIndex((word, index) => index > manager && verbs.has(word));
    return verb >= 0 && words.some((word, index) => index > verb && word === 'sudo');
  });
}
const INSTALL = new Set(['install', 'add']);
/** The same package removed again: `apt-get purge -y sudo`, `apk del sudo`, `dnf remove sudo`. */
const REMOVE = new Set(['purge', 'remove', 'autoremove', 'del', 'erase']);

export const noSudo: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-sudo',
    severity: 'warning',
    title: 'sudo is used or installed',
    passTitle: 'sudo is neither used nor installed',
    why:
      'Running the app as a non-root user only protects the host if that user cannot become root again. sudo in ' +
      'an image is exactly that way back: an attacker with code execution as the app user runs `sudo sh` (or ' +
      'exploits one of sudo\'s own bugs) and is root in the container, one step from a container escape. During ' +
      'the build it is not even needed, since RUN runs as root until USER says otherwise.',
    fix:
      'Drop `sudo` from RUN lines and do not install the sudo package. Put root-only steps before `USER 10001`, ' +
      'or switch back with `USER root` for them and to the app user again afterwards.',
    item: 'runtime.non-root',
    references: ['hadolint:DL3004', 'checkov:CKV2_DOCKER_1'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    // Calling sudo is a smell in any stage (as hadolint's DL3004 says); the package only
    // matters where it ships: the final image, and only if the same RUN does not remove it again.
    const shipped = new Set(finalImageInstructions(model));
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      const script = runScript(instruction);
      const message = SUDO_COMMAND.test(script)
        ? 'this RUN calls sudo; RUN already runs as root, and sudo in the image is a way back to root'
        : shipped.has(instruction) && packageCommandNamesSudo(script, INSTALL) && !packageCommandNamesSudo(script, REMOVE) ? 'this RUN installs the sudo package, a way back to root for the app user' : undefined;
      if (message) hits.push({ line: instruction.line, column: instruction.column, message });
    }
    return hits;
  },
};
