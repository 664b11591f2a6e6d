/**
 * EXPOSE 22 means an SSH daemon in a container: a second way in, with its own keys and
 * passwords to leak. Use `docker exec` or `kubectl exec` for a shell.
 */
import { finalImageInstructions } from '../../analysis/finalImage.js';
import type { DockerfileRule, RuleHit } from '../types.js';

/** True when an EXPOSE argument (`22`, `22/tcp`, `20-25`) covers port 22. */
function coversSsh(spec: string): boolean {
  const match = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp|sctp))?$/i.exec(spec.trim());
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return (match[3] ?? 'tcp').toLowerCase() === 'tcp' && low <= 22 && 22 <= high;
}

export const noSshPort: DockerfileRule = {
  target: 'dockerfile',
  meta: {
    id: 'dockerfile/no-ssh-port',
    severity: 'warning',
    title: 'The image exposes the SSH port',
    passTitle: 'The image does not expose the SSH port',
    why:
      'An SSH server in a container is a second front door next to your app, with its own password or key to ' +
      'steal and its own vulnerabilities, and it usually runs as root. Attackers scan for port 22 constantly; ' +
      'one weak or leaked credential gives them an interactive shell in the container without exploiting ' +
      'anything. Docker and Kubernetes already offer `exec` for the rare time you need a shell.',
    fix: 'Remove `EXPOSE 22` and the SSH server package; use `docker exec -it <container> sh` or `kubectl exec` to debug.',
    item: 'network.ports',
    references: ['trivy:DS004', 'checkov:CKV_DOCKER_1'],
  },
  check(model) {
    const hits: RuleHit[] = [];
    for (const instruction of finalImageInstructions(model)) {
      if (instruction.keyword !== 'EXPOSE') continue;
      const ssh = instruction.args.find(coversSsh);
      if (ssh !== undefined) hits.push({ line: instruction.line, column: instruction.column, message: `\`EXPOSE ${ssh}\` advertises an SSH daemon in the container` });
    }
    return hits;
  },
};
