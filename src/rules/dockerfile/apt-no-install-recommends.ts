/**
 * `apt-get install` pulls in "recommended" packages unless told not to, often doubling what lands
 * in the image. Only the final image counts; a builder stage may be as fat as it likes.
 */
import { finalImageInstructions } from '../../analysis/finalImage.js';
import { runScript, splitCommands } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

export const aptNoInstallRecommends: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/apt-no-install-recommends',
    severity: 'info',
    title: 'apt-get installs recommended packages too',
    passTitle: 'apt-get installs only the packages it is asked for',
    why:
      'Without `--no-install-recommends`, apt adds every package the ones you asked for merely recommend: ' +
      'documentation tools, extra libraries, sometimes whole language runtimes. None of it is used by your app, ' +
      'all of it is attack surface and scanner noise, and an attacker in the container gets more tools to work with.',
    fix:
      'Install with `apt-get install -y --no-install-recommends <packages>` and clean up in the same RUN: ' +
      '`&& rm -rf /var/lib/apt/lists/*`.',
    item: 'image.minimal-base',
    references: ['hadolint:DL3015', 'trivy:DS029'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    let configuredGlobally = false;
    for (const instruction of finalImageInstructions(model)) {
      if (instruction.keyword !== 'RUN') continue;
      const script = runScript(instruction);
      // `APT::Install-Recommends "false"` in an apt.conf.d file, or `-o APT::Install-Recommends=false`.
      if (/install-recommends/i.test(script) && !/--no-install-recommends/.test(script)) configuredGlobally = true;
      if (configuredGlobally) continue;
      const install = splitCommands(script).find((command) =>
        (command.words[0] === 'apt-get' || command.words[0] === 'apt') &&
        command.words.includes('install') &&
        !command.words.includes('--no-install-recommends'),
      );
      if (install) hits.push({ line: instruction.line, column: instruction.column, message: `\`${install.text}\` installs recommended packages as well; add --no-install-recommends` });
    }
    return hits;
  },
};
