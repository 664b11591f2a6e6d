/**
 * ADD does more than copy: it downloads URLs (unverified, unless `--checksum` is given) and
 * silently unpacks local tar archives. Use COPY unless one of those is exactly what you want.
 */
import type { DockerInstruction } from '../../parse/dockerfile.js';
import type { DockerfileRule, RuleHit } from '../types.js';

const ARCHIVE = /\.(?:tar|tar\.gz|tgz|tar\.bz2|tbz2?|tar\.xz|txz)$/i;
const REMOTE = /^(?:https?|git|ssh):\/\/|^git@/i;

export const preferCopyOverAdd: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/prefer-copy-over-add',
    severity: 'warning',
    title: 'ADD is used where COPY is meant',
    passTitle: 'COPY is used where COPY is meant',
    why:
      'ADD with a URL downloads whatever the server returns at build time, with no checksum: if that server, ' +
      'its DNS or a proxy on the way is compromised, the attacker\'s file lands in your image and you will never ' +
      'see it in the Dockerfile. ADD with a local tar archive unpacks it silently, so a tarball can place files ' +
      'anywhere in the image. COPY does only what it says, which makes the Dockerfile honest to review.',
    fix:
      'Use `COPY` for local files. For downloads use `ADD --checksum=sha256:<hash> <url> <dest>`, or ' +
      '`RUN curl -fsSLo file <url> && echo "<sha256>  file" | sha256sum -c -` in a builder stage. If you really ' +
      'want an archive unpacked, say so with a destination directory (`ADD app.tar.gz /opt/app/`).',
    item: 'image.copy-only-needed',
    references: ['cis-docker:4.9'],
    differences: [
      { relation: 'stricter-than', peer: 'hadolint:DL3020', note: 'DL3020 leaves every URL alone; shipshape also flags a download without `--checksum`' },
      { relation: 'differs-from', peer: 'trivy:DS005', note: 'DS005 passes any ADD mentioning `.tar` and flags verified downloads; shipshape allows a local archive unpacked into a directory and a download with `--checksum`, and flags an archive whose destination shows a plain copy was meant' },
      { relation: 'looser-than', peer: 'checkov:CKV_DOCKER_4', note: 'CKV_DOCKER_4 flags every ADD; shipshape accepts unpacking a local archive into a directory and a checksummed download' },
    ],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of model.stages.flatMap((stage) => stage.instructions)) {
      if (instruction.keyword !== 'ADD') continue;
      const message = addProblem(instruction);
      if (message) hits.push({ line: instruction.line, column: instruction.column, message });
    }
    return hits;
  },
};

function addProblem(instruction: DockerInstruction): string | undefined {
  const sources = instruction.args.slice(0, -1);
  const destination = instruction.args.at(-1) ?? '';
  const remote = sources.find((source) => REMOTE.test(source));
  if (remote !== undefined) {
    if (instruction.flags.checksum) return undefined;
    return `\`ADD ${remote}\` downloads a remote file without verifying it; add --checksum or download and verify it explicitly`;
  }
  if (instruction.flags.from !== undefined) return undefined;
  const archive = sources.find((source) => ARCHIVE.test(source));
  if (archive !== undefined) {
    const archiveName = archive.split('/').at(-1) ?? archive;
    // Extracting into a directory is ADD's one legitimate local use; a destination named like
    // the archive shows the author expected a plain copy.
    if (!destination.endsWith(archiveName)) return undefined;
    return `\`ADD ${archive} ${destination}\` unpacks the archive instead of copying it; use COPY to copy the file`;
  }
  return `\`ADD ${sources.join(' ')}\` copies local files; use COPY, which does only that`;
}
