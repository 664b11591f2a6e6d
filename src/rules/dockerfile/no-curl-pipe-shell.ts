/**
 * No `curl ... | sh`: a script fetched at build time and executed unread is code from whoever
 * controls that URL today. Also catches `sh -c "$(curl ...)"` and `bash <(curl ...)`.
 */
import { runScript, splitCommands } from '../../analysis/shellCommands.js';
import type { DockerfileRule, RuleHit } from '../types.js';

const DOWNLOADERS = new Set(['curl', 'wget']);
const INTERPRETERS = new Set(['sh', 'bash', 'zsh', 'dash', 'ash', 'ksh', 'python', 'python3', 'perl', 'ruby', 'node']);
const SUBSTITUTED = /\b(?:ba|z|da|k)?sh\s+(?:-c\s+)?["']?\$\(\s*(?:curl|wget)\b|<\(\s*(?:curl|wget)\b/;

/** The `curl ... | sh` pipeline in a script, as written, or undefined. */
function remoteScriptPipe(script: string): string | undefined {
  const commands = splitCommands(script);
  for (let index = 0; index < commands.length - 1; index++) {
    const download = commands[index];
    const interpreter = commands[index + 1];
    if (!download || !interpreter || download.followedBy !== '|') continue;
    if (DOWNLOADERS.has(download.words[0] ?? '') && INTERPRETERS.has(interpreter.words[0] ?? '')) return `${download.text} | ${interpreter.text}`;
  }
  const substituted = SUBSTITUTED.exec(script);
  return substituted ? substituted[0].trim() : undefined;
}

export const noCurlPipeShell: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-curl-pipe-shell',
    severity: 'warning',
    title: 'A remote script is piped into a shell',
    passTitle: 'No remote script is piped into a shell',
    why:
      'Piping a download into a shell runs whatever the server sends at that moment, as root, with nothing ' +
      'recorded about what it was. A compromised project site, CDN or DNS entry, or a server that detects ' +
      '`curl | sh` and serves a different script than the one you read in the browser, puts the attacker\'s code ' +
      'in your build and in every image built from it.',
    fix:
      'Download to a file, verify it, then run it: `curl -fsSLo install.sh https://example.com/install.sh && ' +
      'echo "<sha256>  install.sh" | sha256sum -c - && sh install.sh`. Better, install a pinned package from the ' +
      'distribution or copy a verified binary from an official image with `COPY --from=`.',
    item: 'image.trusted-sources',
    references: [],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'RUN') continue;
      const pipe = remoteScriptPipe(runScript(instruction));
      if (pipe) hits.push({ line: instruction.line, column: instruction.column, message: `\`${pipe}\` runs a downloaded script without verifying it` });
    }
    return hits;
  },
};
