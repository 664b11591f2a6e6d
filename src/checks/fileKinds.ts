/**
 * Which kind of file a path is, by name where Docker's conventions decide (Dockerfile*,
 * *.Dockerfile, compose*.yaml, daemon.json). Other YAML is decided by content in
 * src/lint/recognizeYaml.ts, which loads the YAML parser; this file loads nothing, so a Dockerfile-only
 * lint never pays for YAML.
 */
import type { RuleTarget } from '../rules/types.js';

export type FileKind = RuleTarget | 'unknown';

/**
 * @example fileKindByName('api.Dockerfile') // 'dockerfile'
 */
export function fileKindByName(filePath: string): FileKind {
  const normalized = filePath.split('\\').join('/');
  const base = normalized.split('/').at(-1) ?? normalized;
  if (/^(Dockerfile|Containerfile)([.-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base)) return 'dockerfile';
  if (/^(docker-)?compose([.-].*)?\.ya?ml$/i.test(base)) return 'compose';
  if (base === 'daemon.json') return 'daemon';
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(normalized) || /^\.gitlab-ci\.ya?ml$/.test(base)) return 'ci';
  if (/\.ya?ml$/i.test(base)) return 'kubernetes';
  return 'unknown';
}

/** True for names worth reading to decide by content (`*.yaml`, `*.yml`). */
export function isYamlName(filePath: string): boolean {
  return /\.ya?ml$/i.test(filePath);
}
