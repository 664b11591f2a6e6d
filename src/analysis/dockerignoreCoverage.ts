/**
 * Does a `.dockerignore` keep the usual secrets out of the build context? Each sensitive kind of
 * file is probed with a typical path through the same matcher the Docker CLI semantics use
 * (`@balena/dockerignore`), so `**\/.env`, `.env*`, `*` followed by `!src` and friends are all
 * judged as Docker would judge them.
 */
import dockerignore from '@balena/dockerignore';

interface SensitiveKind {
  /** How the kind is named in a message. */
  label: string;
  /** Typical paths; the kind counts as excluded only when every one of them is ignored. */
  probes: string[];
}

export const SENSITIVE_CONTEXT_FILES: readonly SensitiveKind[] = [
  { label: '.git', probes: ['.git', '.git/config'] },
  { label: '.env', probes: ['.env'] },
  { label: '*.pem', probes: ['server.pem'] },
  { label: '*.key', probes: ['server.key'] },
  { label: 'id_rsa', probes: ['id_rsa'] },
  // Package-manager and netrc credentials: the same files no-copied-secret-files calls secrets.
  { label: '.npmrc', probes: ['.npmrc'] },
  { label: '.netrc', probes: ['.netrc'] },
];

/**
 * The labels of sensitive files a `.dockerignore` does not exclude; all of them when there is
 * no `.dockerignore`.
 *
 * @example notExcludedByDockerignore('.git\n.env*\n') // ['*.pem', '*.key', 'id_rsa', '.npmrc', '.netrc']
 */
export function notExcludedByDockerignore(dockerignoreText: string | undefined): string[] {
  if (dockerignoreText === undefined) return SENSITIVE_CONTEXT_FILES.map((kind) => kind.label);
  const matcher = dockerignore.default({ ignorecase: false }).add(dockerignoreText);
  return SENSITIVE_CONTEXT_FILES.filter((kind) => !kind.probes.every((probe) => matcher.ignores(probe))).map((kind) => kind.label);
}
